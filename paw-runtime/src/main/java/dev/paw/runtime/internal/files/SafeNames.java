package dev.paw.runtime.internal.files;

import dev.paw.spec.SqlNames;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns free text (a CSV header, a JSON path, a file name) into safe SQL identifiers: lower-case
 * ASCII letters, digits and {@code _}, not starting with a digit, not paw's or SQLite's reserved
 * prefixes, not {@code rowid} (export orders by it), at most 63 characters, and unique among their
 * siblings ignoring case ({@code Name}, {@code name} become {@code name}, {@code name_2}).
 */
final class SafeNames {

  private static final int MAX_LENGTH = 63;
  private static final int ROOM_FOR_SUFFIX = 6;

  private SafeNames() {}

  /**
   * Column names for a header, position by position; a blank header cell becomes {@code
   * col_<position>}.
   */
  static List<String> columns(List<String> headers) {
    List<String> names = new ArrayList<>(headers.size());
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < headers.size(); i++) {
      String base = identifier(headers.get(i));
      names.add(unique(base.isEmpty() ? "col_" + (i + 1) : base, taken));
    }
    return names;
  }

  /** The table name a file gets when none is given: its name without the extension, made safe. */
  static String tableFor(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = identifier(dot > 0 ? fileName.substring(0, dot) : fileName);
    return base.isEmpty() ? "imported" : base;
  }

  /** {@code text} as a safe identifier, or "" when nothing of it is usable. */
  static String identifier(String text) {
    if (text == null) {
      return "";
    }
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("ß", "ss")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ø", "o")
            .replace("Ø", "o")
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("ł", "l")
            .replace("Ł", "l")
            .replace("đ", "d");
    StringBuilder name = new StringBuilder(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      char c = Character.toLowerCase(ascii.charAt(i));
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) {
        name.append(c);
      } else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
        name.append('_'); // runs of spaces and punctuation become one '_'
      }
    }
    while (name.length() > 0 && name.charAt(name.length() - 1) == '_') {
      name.setLength(name.length() - 1);
    }
    if (name.length() == 0) {
      return "";
    }
    String candidate = name.toString();
    if (Character.isDigit(candidate.charAt(0))
        || SqlNames.problem(candidate) != null
        || candidate.equals("rowid")
        || candidate.equals("oid")) {
      candidate =
          "col_" + candidate; // 2024_sales, sqlite_version, rowid: keep the words, lose the problem
    }
    if (candidate.length() > MAX_LENGTH - ROOM_FOR_SUFFIX) {
      candidate = candidate.substring(0, MAX_LENGTH - ROOM_FOR_SUFFIX);
      while (candidate.endsWith("_")) {
        candidate = candidate.substring(0, candidate.length() - 1);
      }
    }
    return candidate;
  }

  private static String unique(String base, Set<String> taken) {
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "_" + n;
    }
    return name;
  }
}
