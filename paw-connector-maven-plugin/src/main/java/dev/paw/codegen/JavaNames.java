package dev.paw.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns wire names ({@code statuses[]}, {@code $top}, {@code created[gte]}, {@code FirstName},
 * {@code list_invoices}) into readable, legal Java names. The wire name is always kept beside the
 * Java name in generated code.
 */
public final class JavaNames {

  /**
   * Names a record component or a parameter getter must not take: they would clash with methods
   * every object or every generated class already has.
   */
  private static final Set<String> RESERVED_MEMBERS =
      Set.of(
          "hashCode",
          "toString",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize",
          "builder",
          "toMap",
          "toBuilder",
          "build");

  private JavaNames() {}

  /**
   * The words of a name: split at anything that is not a letter or digit, and at camel-case humps.
   */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) || c > 0x7f) {
        flush(word, words);
        continue;
      }
      boolean hump =
          word.length() > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(word.charAt(word.length() - 1))
                  || Character.isDigit(word.charAt(word.length() - 1))
                  || (i + 1 < name.length()
                      && Character.isLowerCase(name.charAt(i + 1))
                      && Character.isUpperCase(word.charAt(word.length() - 1))));
      if (hump) {
        flush(word, words);
      }
      word.append(c);
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }

  /** {@code list_invoices} → {@code ListInvoices}. */
  public static String typeName(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    return legal(out.length() == 0 ? "Unnamed" : out.toString());
  }

  /**
   * {@code list_invoices} → {@code listInvoices}; {@code $top} → {@code top}; {@code default} →
   * {@code default_}.
   */
  public static String memberName(String name) {
    String type = typeName(name);
    String member =
        Character.isDigit(type.charAt(0)) || type.charAt(0) == '_'
            ? type
            : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    if (type.equals("Unnamed")) {
      member = "value";
    }
    member = legal(member);
    return RESERVED_MEMBERS.contains(member) ? member + "_" : member;
  }

  /** {@code requested_by_customer} → {@code REQUESTED_BY_CUSTOMER}; {@code 1} → {@code VALUE_1}. */
  public static String constantName(Object value) {
    String text = String.valueOf(value);
    if (text.startsWith("-")) {
      text = "minus_" + text.substring(1);
    }
    String joined = String.join("_", words(text)).toUpperCase(Locale.ROOT);
    if (joined.isEmpty()) {
      return "EMPTY";
    }
    return Character.isDigit(joined.charAt(0)) ? "VALUE_" + joined : legal(joined);
  }

  /**
   * Makes a name legal: a keyword gets a trailing {@code _}, a leading digit a leading {@code _}.
   */
  static String legal(String name) {
    String n = Character.isDigit(name.charAt(0)) ? "_" + name : name;
    return SourceVersion.isKeyword(n) || n.equals("_") ? n + "_" : n;
  }
}
