package dev.paw.runtime.internal.files;

/**
 * The shapes one text value could be stored as without changing it, as bits of an {@code int}. A
 * column's shape is the AND of its values' shapes, so the stored type is the best one that every
 * value survives: a value fits a shape only when rendering the stored form gives back exactly the
 * same text.
 */
final class ValueShape {

  /**
   * A canonical 64-bit integer: {@code 0}, {@code -12}; not {@code 007}, {@code +1}, {@code -0}.
   */
  static final int INTEGER = 1;

  /** A decimal stored as REAL and rendered shortest: {@code 1.5}, {@code 3}; not {@code 1.50}. */
  static final int REAL_SHORTEST = 1 << 1;

  private static final int REAL_SCALE_SHIFT =
      1; // bit (shift + s) is "exactly s fraction digits", s = 1..15

  /** The most fraction digits a fixed-scale REAL column may have. */
  static final int MAX_SCALE = 15;

  static final int BOOLEAN_LOWER = 1 << 17;
  static final int BOOLEAN_UPPER = 1 << 18;
  static final int BOOLEAN_TITLE = 1 << 19;

  /** An ISO-8601 calendar date {@code 2024-02-29}, kept as text. */
  static final int DATE = 1 << 20;

  /** An ISO-8601 local or offset date-time {@code 2024-02-29T13:45:00Z}, kept as text. */
  static final int DATETIME = 1 << 21;

  /** Any text: every value fits. */
  static final int TEXT = 1 << 22;

  /** A JSON number or boolean literal, kept as its text and exported as the literal it was. */
  static final int JSON_LITERAL = 1 << 23;

  /** No value seen yet: every shape is still possible. */
  static final int ANY = (1 << 24) - 1;

  /**
   * A double holds every decimal of at most 15 significant digits exactly enough to give it back
   * (DBL_DIG), so REAL is only chosen for those.
   */
  static final int MAX_REAL_DIGITS = 15;

  private static final String LONG_MAX = "9223372036854775807";
  private static final String LONG_MIN_DIGITS = "9223372036854775808";

  private ValueShape() {}

  /**
   * The bit for a fixed-scale REAL with {@code scale} fraction digits (1 to {@link #MAX_SCALE}).
   */
  static int realScale(int scale) {
    return 1 << (REAL_SCALE_SHIFT + scale);
  }

  /** The fraction digits of the one fixed-scale bit left in {@code mask}, or 0 when none is. */
  static int scaleOf(int mask) {
    for (int scale = 1; scale <= MAX_SCALE; scale++) {
      if ((mask & realScale(scale)) != 0) {
        return scale;
      }
    }
    return 0;
  }

  /**
   * The shapes {@code value} fits. A {@linkplain ValueKind#STRING string} from a typed source (a
   * JSON string, an Excel text cell) stays text, though it may still be a date, which is stored as
   * text too.
   */
  static int classify(String value, byte kind) {
    int shapes = classifyText(value, kind);
    return kind == ValueKind.LITERAL ? shapes | JSON_LITERAL : shapes;
  }

  private static int classifyText(String value, byte kind) {
    int length = value.length();
    if (length == 0) {
      return TEXT; // '' is not NULL and not a number: only text gives it back
    }
    if (kind == ValueKind.STRING) {
      return TEXT | temporal(value);
    }
    char first = value.charAt(0);
    if (first == '-' || (first >= '0' && first <= '9')) {
      int numeric = numeric(value);
      return numeric != 0 ? numeric | TEXT : TEXT | temporal(value);
    }
    if (length == 4 || length == 5) {
      return TEXT | bool(value);
    }
    return TEXT;
  }

  private static int bool(String value) {
    switch (value) {
      case "true":
      case "false":
        return BOOLEAN_LOWER;
      case "TRUE":
      case "FALSE":
        return BOOLEAN_UPPER;
      case "True":
      case "False":
        return BOOLEAN_TITLE;
      default:
        return 0;
    }
  }

  /**
   * Integer and REAL shapes of a plain decimal {@code -?digits(.digits)?}; 0 for anything else. One
   * pass.
   */
  private static int numeric(String value) {
    int length = value.length();
    boolean negative = value.charAt(0) == '-';
    int intStart = negative ? 1 : 0;
    int intDigits = 0;
    int fractionDigits = -1;
    int significant = 0; // digits from the first non-zero one on
    char last = 0;
    for (int i = intStart; i < length; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        if (fractionDigits < 0) {
          intDigits++;
        } else {
          fractionDigits++;
        }
        if (significant > 0 || c != '0') {
          significant++;
        }
      } else if (c == '.' && fractionDigits < 0 && intDigits > 0) {
        fractionDigits = 0;
      } else {
        return 0;
      }
      last = c;
    }
    if (intDigits == 0 || fractionDigits == 0) {
      return 0;
    }
    if (intDigits > 1 && value.charAt(intStart) == '0') {
      return 0; // leading zeros (007) would be lost
    }
    if (negative && significant == 0) {
      return 0; // -0 and -0.00 would come back without the sign
    }
    int shapes = 0;
    if (fractionDigits < 0 && fitsLong(value, negative, intDigits)) {
      shapes |= INTEGER;
    }
    if (significant <= MAX_REAL_DIGITS) {
      if (fractionDigits < 0) {
        shapes |= REAL_SHORTEST;
      } else {
        if (last != '0' && fractionDigits <= 300) {
          shapes |= REAL_SHORTEST; // 300: stay clear of subnormal doubles, which hold fewer digits
        }
        if (fractionDigits <= MAX_SCALE) {
          shapes |= realScale(fractionDigits);
        }
      }
    }
    return shapes;
  }

  private static boolean fitsLong(String value, boolean negative, int digits) {
    if (digits < 19) {
      return true;
    }
    if (digits > 19) {
      return false;
    }
    String magnitude = negative ? value.substring(1) : value;
    return magnitude.compareTo(negative ? LONG_MIN_DIGITS : LONG_MAX) <= 0;
  }

  /** DATE or DATETIME when {@code value} is a valid ISO-8601 date or date-time, else 0. */
  private static int temporal(String value) {
    int length = value.length();
    if (length < 10 || !isDate(value)) {
      return 0;
    }
    if (length == 10) {
      return DATE;
    }
    return isTimeSuffix(value) ? DATETIME : 0;
  }

  private static boolean isDate(String v) {
    if (v.charAt(4) != '-' || v.charAt(7) != '-') {
      return false;
    }
    int year = number(v, 0, 4);
    int month = number(v, 5, 2);
    int day = number(v, 8, 2);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** {@code [T ]HH:MM[:SS[.fraction]][Z|±HH:MM]} after the date. */
  private static boolean isTimeSuffix(String v) {
    int length = v.length();
    char separator = v.charAt(10);
    if ((separator != 'T' && separator != ' ') || length < 16 || v.charAt(13) != ':') {
      return false;
    }
    int hour = number(v, 11, 2);
    int minute = number(v, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return false;
    }
    int i = 16;
    if (i < length && v.charAt(i) == ':') {
      int second = i + 3 <= length ? number(v, i + 1, 2) : -1;
      if (second < 0 || second > 59) {
        return false;
      }
      i += 3;
      if (i < length && v.charAt(i) == '.') {
        int start = ++i;
        while (i < length && isDigit(v.charAt(i))) {
          i++;
        }
        if (i == start || i - start > 9) {
          return false;
        }
      }
    }
    if (i == length) {
      return true;
    }
    char zone = v.charAt(i);
    if (zone == 'Z') {
      return i + 1 == length;
    }
    if ((zone == '+' || zone == '-') && i + 6 == length && v.charAt(i + 3) == ':') {
      int zoneHour = number(v, i + 1, 2);
      int zoneMinute = number(v, i + 4, 2);
      return zoneHour >= 0 && zoneHour <= 18 && zoneMinute >= 0 && zoneMinute <= 59;
    }
    return false;
  }

  /**
   * The decimal number in {@code v[start, start+digits)}, or -1 when a character is not a digit.
   */
  private static int number(String v, int start, int digits) {
    int n = 0;
    for (int i = start; i < start + digits; i++) {
      char c = v.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
