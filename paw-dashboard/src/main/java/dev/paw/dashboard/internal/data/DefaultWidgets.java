package dev.paw.dashboard.internal.data;

import dev.paw.dashboard.widget.Widget;
import dev.paw.dashboard.widget.WidgetKind;
import dev.paw.runtime.pocket.Pocket.TableSyncStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The widgets a pocket shows with no widget file: the built-in connectors' own (Stripe revenue and
 * open invoices, Calendar's next events, Gmail's messages per day, an imported file's numeric
 * columns), then each table's row count with its freshness.
 */
public final class DefaultWidgets {

  private DefaultWidgets() {}

  public static List<Widget> of(Connection connection, List<TableSyncStatus> syncs)
      throws SQLException {
    List<String> tables = TableBrowser.tables(connection);
    List<Widget> widgets = new ArrayList<>();
    if (tables.contains("stripe_charges")) {
      widgets.add(
          new Widget(
              "Revenue per month",
              WidgetKind.BAR,
              "SELECT strftime('%Y-%m', created, 'unixepoch') AS month,"
                  + " sum(amount - coalesce(amount_refunded, 0)) / 100.0 AS revenue"
                  + " FROM stripe_charges WHERE paid GROUP BY month ORDER BY month",
              "paid charges less refunds"));
    } else if (tables.contains("stripe_invoices")) {
      widgets.add(
          new Widget(
              "Revenue per month",
              WidgetKind.BAR,
              "SELECT strftime('%Y-%m', created, 'unixepoch') AS month,"
                  + " sum(amount_paid) / 100.0 AS revenue"
                  + " FROM stripe_invoices GROUP BY month ORDER BY month",
              "paid on invoices"));
    }
    if (tables.contains("stripe_invoices")) {
      widgets.add(
          new Widget(
              "Open invoices",
              WidgetKind.NUMBER,
              "SELECT count(*) FROM stripe_invoices WHERE status = 'open'"));
      widgets.add(
          new Widget(
              "Amount due on open invoices",
              WidgetKind.NUMBER,
              "SELECT printf('%.2f', coalesce(sum(amount_remaining), 0) / 100.0)"
                  + " FROM stripe_invoices WHERE status = 'open'"));
    }
    if (tables.contains("stripe_customers")) {
      widgets.add(
          new Widget(
              "Newest customers",
              WidgetKind.LIST,
              "SELECT coalesce(name, description, email, id) AS customer, email"
                  + " FROM stripe_customers ORDER BY created DESC LIMIT 10"));
    }
    if (tables.contains("calendar_events")) {
      widgets.add(
          new Widget(
              "Next events",
              WidgetKind.LIST,
              "SELECT coalesce(start_time, start_date) AS starts, summary FROM calendar_events"
                  + " WHERE coalesce(start_time, start_date) >= strftime('%Y-%m-%d', 'now')"
                  + " ORDER BY starts LIMIT 10"));
    }
    if (tables.contains("gmail_messages")) {
      widgets.add(
          new Widget(
              "Messages per day",
              WidgetKind.LINE,
              "SELECT date(CAST(internal_date AS INTEGER) / 1000, 'unixepoch') AS day,"
                  + " count(*) AS messages FROM gmail_messages GROUP BY day ORDER BY day"));
    }
    for (String table : importedTables(connection, tables)) {
      for (TableBrowser.Column column : TableBrowser.columns(connection, table)) {
        String type = column.declaredType().toUpperCase(Locale.ROOT);
        if (type.contains("INT") || type.contains("REAL") || type.contains("NUM")) {
          String name = TableBrowser.quote(column.name());
          widgets.add(
              new Widget(
                  table + ": " + column.name(),
                  WidgetKind.TABLE,
                  "SELECT sum("
                      + name
                      + ") AS total, avg("
                      + name
                      + ") AS average, min("
                      + name
                      + ") AS min, max("
                      + name
                      + ") AS max FROM "
                      + TableBrowser.quote(table)));
        }
      }
    }
    for (String table : tables) {
      widgets.add(
          new Widget(
              table,
              WidgetKind.NUMBER,
              "SELECT count(*) AS rows FROM " + TableBrowser.quote(table),
              freshness(table, syncs)));
    }
    return widgets;
  }

  private static String freshness(String table, List<TableSyncStatus> syncs) {
    return syncs.stream()
        .filter(s -> s.table().equals(table))
        .findFirst()
        .map(
            s ->
                s.lastFinishedAt() == null
                    ? "never synced"
                    : "rows; last sync " + s.lastFinishedAt() + " (" + s.lastOutcome() + ")")
        .orElse("rows");
  }

  private static List<String> importedTables(Connection connection, List<String> tables)
      throws SQLException {
    List<String> imported = new ArrayList<>();
    if (!PocketStatus.exists(connection, "_paw_imports")) {
      return imported;
    }
    Set<String> present = Set.copyOf(tables);
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT DISTINCT table_name FROM _paw_imports ORDER BY 1")) {
      while (rows.next()) {
        String name = rows.getString(1);
        if (present.contains(name)) {
          imported.add(name);
        }
      }
    }
    return imported;
  }
}
