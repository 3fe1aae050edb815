package dev.paw.dashboard.widget;

import java.util.Locale;
import java.util.Objects;

/**
 * One widget: a title, a kind and one read-only SQL query over the pocket's tables.
 *
 * @param note a line shown under the widget (a default widget's freshness), or {@code null}
 */
public record Widget(String title, WidgetKind kind, String sql, String note) {

  public Widget {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sql, "sql");
  }

  public Widget(String title, WidgetKind kind, String sql) {
    this(title, kind, sql, null);
  }

  /**
   * Why {@code sql} cannot be a widget's query, or {@code null}: one statement that reads ({@code
   * SELECT}, {@code WITH} or {@code VALUES}). The read-only connection it runs on is the real
   * guard; this catches the mistake early, with a message.
   */
  public static String sqlProblem(String sql) {
    String text = stripComments(sql).strip();
    if (text.isEmpty()) {
      return "the query is empty";
    }
    String first = text.split("\\s+|\\(", 2)[0].toLowerCase(Locale.ROOT);
    if (!first.equals("select") && !first.equals("with") && !first.equals("values")) {
      return "a widget's query must read (SELECT, WITH or VALUES), not '" + first + "'";
    }
    String withoutTrailing = text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    if (hasSemicolonOutsideQuotes(withoutTrailing)) {
      return "a widget's query is one statement (no ';' inside)";
    }
    return null;
  }

  private static boolean hasSemicolonOutsideQuotes(String text) {
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }

  private static String stripComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
  }
}
