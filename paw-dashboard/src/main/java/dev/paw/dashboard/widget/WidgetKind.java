package dev.paw.dashboard.widget;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a widget shows its query's rows. */
public enum WidgetKind {
  /** The first column of the first row: a count, a sum, a date. */
  NUMBER,
  /** The rows as a table. */
  TABLE,
  /** A bar chart: the first column labels the bars, each further numeric column is a series. */
  BAR,
  /** A line chart over time: the first column is the time (or any label), the rest series. */
  LINE,
  /** The rows as lines of text, e.g. upcoming events. */
  LIST;

  /** The spelling in a widget file ({@code number}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a widget file names, if it is one. */
  public static Optional<WidgetKind> parse(String text) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(text)).findFirst();
  }

  /** Every spelling, for error messages ({@code number, table, bar, line, list}). */
  public static String spellings() {
    return String.join(", ", Arrays.stream(values()).map(WidgetKind::wireName).toList());
  }
}
