package dev.paw.dashboard.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.dashboard.widget.Widget;
import dev.paw.dashboard.widget.WidgetKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The widgets a pocket shows with no widget file, run against tables as the connectors write them.
 */
class DefaultWidgetsTest {

  @TempDir Path dir;

  @Test
  void builtInConnectorsAndImportsGetTheirOwnWidgetsAndEveryTableItsCount() throws Exception {
    String tomorrow = LocalDate.now().plusDays(1) + "T09:00:00Z";
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"));
        Statement s = db.createStatement()) {
      s.execute(
          "CREATE TABLE calendar_events (id TEXT, summary TEXT, start_time TEXT, start_date TEXT)");
      s.execute(
          "INSERT INTO calendar_events VALUES ('e1', 'Past', '2001-01-01T10:00:00Z', NULL),"
              + " ('e2', 'Standup', '"
              + tomorrow
              + "', NULL)");
      s.execute("CREATE TABLE gmail_messages (id TEXT, internal_date TEXT)");
      s.execute(
          "INSERT INTO gmail_messages VALUES ('m1', '1764547200000'), ('m2', '1764550800000'),"
              + " ('m3', '1764633600000')");
      s.execute("CREATE TABLE sales (region TEXT, units INTEGER, price REAL)");
      s.execute("INSERT INTO sales VALUES ('north', 3, 1.5), ('south', 4, 2.25)");
      s.execute("CREATE TABLE _paw_imports (table_name TEXT)");
      s.execute("INSERT INTO _paw_imports VALUES ('sales')");
      s.execute(
          "CREATE TABLE stripe_invoices (id TEXT, status TEXT, amount_paid INTEGER,"
              + " amount_remaining INTEGER, created INTEGER)");
      s.execute(
          "INSERT INTO stripe_invoices VALUES ('in_1', 'open', 0, 1250, 1764547200),"
              + " ('in_2', 'paid', 9900, 0, 1764547200)");

      List<Widget> widgets = DefaultWidgets.of(db, List.of());
      Map<String, Widget> byTitle =
          widgets.stream().collect(Collectors.toMap(Widget::title, Function.identity()));
      assertThat(byTitle)
          .containsKeys(
              "Next events",
              "Messages per day",
              "sales: units",
              "sales: price",
              "Open invoices",
              "Revenue per month",
              "calendar_events",
              "gmail_messages",
              "sales",
              "stripe_invoices");
      assertThat(byTitle).doesNotContainKey("sales: region").doesNotContainKey("_paw_imports");

      try (QueryRunner runner = new QueryRunner(Duration.ofSeconds(2), 100)) {
        assertThat(runner.run(db, byTitle.get("Next events").sql()).rows())
            .containsExactly(List.of(tomorrow, "Standup"));
        assertThat(runner.run(db, byTitle.get("Messages per day").sql()).rows())
            .containsExactly(List.of("2025-12-01", 2L), List.of("2025-12-02", 1L));
        assertThat(byTitle.get("Messages per day").kind()).isEqualTo(WidgetKind.LINE);
        assertThat(runner.run(db, byTitle.get("sales: price").sql()).rows())
            .containsExactly(List.of(3.75, 1.875, 1.5, 2.25));
        assertThat(runner.run(db, byTitle.get("Open invoices").sql()).rows())
            .containsExactly(List.of(1L));
        assertThat(runner.run(db, byTitle.get("Amount due on open invoices").sql()).rows())
            .containsExactly(List.of("12.50"));
        assertThat(runner.run(db, byTitle.get("Revenue per month").sql()).rows())
            .containsExactly(List.of("2025-12", 99.0));
        assertThat(runner.run(db, byTitle.get("sales").sql()).rows()).containsExactly(List.of(2L));
      }
    }
  }
}
