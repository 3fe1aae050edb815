package dev.paw.runtime.internal.files;

/**
 * Parses the plain decimals REAL columns hold ({@code -?digits(.digits)?}, at most 15 significant
 * digits) without {@link Double#parseDouble}'s general machinery, which dominated the load. With at
 * most 15 digits the digits form a long below 2^53 and, for up to 22 fraction digits, the power of
 * ten is an exact double too, so one IEEE division gives the correctly rounded value: exactly what
 * {@code parseDouble} returns.
 */
final class Decimals {

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private Decimals() {}

  static double parse(String text) {
    int length = text.length();
    boolean negative = text.charAt(0) == '-';
    long digits = 0;
    int digitCount = 0;
    int scale = -1;
    for (int i = negative ? 1 : 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        scale = 0;
        continue;
      }
      if (digits != 0 || c != '0') {
        digitCount++;
      }
      digits = digits * 10 + (c - '0');
      if (scale >= 0) {
        scale++;
      }
    }
    if (digitCount > ValueShape.MAX_REAL_DIGITS || scale >= POWERS_OF_TEN.length) {
      return Double.parseDouble(text);
    }
    double value = scale <= 0 ? digits : digits / POWERS_OF_TEN[scale];
    return negative ? -value : value;
  }
}
