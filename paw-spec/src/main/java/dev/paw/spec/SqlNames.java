package dev.paw.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for table and column names, which become SQL identifiers in pocket.db. */
public final class SqlNames {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  /** The prefix of paw's own tables in pocket.db; connector tables may not use it. */
  public static final String INTERNAL_PREFIX = "_paw_";

  private SqlNames() {}

  /** Why {@code name} cannot be a table or column name, or {@code null} when it can. */
  public static String problem(String name) {
    if (!SAFE.matcher(name).matches()) {
      return "is not a safe SQL identifier (letters, digits and '_', not starting with a digit, at most 63 characters)";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(INTERNAL_PREFIX) || lower.startsWith("sqlite_")) {
      return "is reserved (names starting with '"
          + INTERNAL_PREFIX
          + "' or 'sqlite_' belong to paw and SQLite)";
    }
    return null;
  }

  /**
   * {@code name} in double quotes, so that SQL keywords ({@code order}, {@code query}) are safe as
   * names.
   */
  public static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
