package dev.paw.spec.yaml;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Parses the text of scalars that SnakeYAML resolved as booleans and integers, as YAML 1.1 writes
 * them.
 */
final class YamlScalars {

  private YamlScalars() {}

  /**
   * YAML 1.1 booleans: {@code true}, {@code yes}, {@code y}, {@code on} are true (the tag says it
   * is one).
   */
  static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on" -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }

  /**
   * A YAML 1.1 integer (signs, {@code _} separators, {@code 0x}, {@code 0b} and octal {@code 0}
   * prefixes), or {@code null} for base 60 or text that is not one.
   */
  static BigInteger parseInteger(String text) {
    String t = text.replace("_", "");
    int sign = 1;
    if (t.startsWith("-") || t.startsWith("+")) {
      sign = t.startsWith("-") ? -1 : 1;
      t = t.substring(1);
    }
    try {
      BigInteger value;
      if (t.startsWith("0x")) {
        value = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0b")) {
        value = new BigInteger(t.substring(2), 2);
      } else if (t.length() > 1 && t.startsWith("0") && !t.contains(":")) {
        value = new BigInteger(t.substring(1), 8);
      } else if (t.contains(":")) {
        return null;
      } else {
        value = new BigInteger(t);
      }
      return sign < 0 ? value.negate() : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
