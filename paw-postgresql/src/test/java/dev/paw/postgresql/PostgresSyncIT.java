package dev.paw.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.Pocket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10,000-row PostgreSQL table synced into a pocket with exact values (numeric, text with quotes
 * and newlines, timestamps, NULLs, json and jsonb, booleans, floats, bytes), incremental runs, and
 * a run stopped mid-way that leaves whole pages and a checkpoint it resumes from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSyncIT {

  private static final int ROWS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;

  private PostgresServer server;
  private Paw paw;

  @BeforeAll
  void tableOfTenThousandRows() throws Exception {
    server = PostgresServer.get();
    admin(
        """
        DROP SCHEMA IF EXISTS sync CASCADE;
        CREATE SCHEMA sync;
        CREATE TABLE sync.events (
          id bigint PRIMARY KEY,
          amount numeric(20, 6),
          note text,
          data bytea,
          at timestamptz,
          local_at timestamp,
          payload jsonb,
          doc json,
          flag boolean,
          ratio double precision);
        INSERT INTO sync.events
        SELECT i,
          CASE WHEN i % 7 = 0 THEN NULL ELSE i * 1000000.000001 END,
          CASE WHEN i % 7 = 0 THEN NULL
               ELSE 'it''s "quoted", ' || E'\\n' || 'line ' || i || E'\\r\\n\\ttab' END,
          CASE WHEN i % 5 = 0 THEN NULL ELSE decode(lpad(to_hex(i), 8, '0'), 'hex') END,
          timestamptz '2024-02-29 23:59:59.123456+00' + i * interval '1.000001 second',
          timestamp '2024-01-01 00:00:00' + i * interval '1 minute',
          CASE WHEN i % 7 = 0 THEN NULL
               ELSE jsonb_build_object('i', i, 'note', E'a"b\\nc', 'list', jsonb_build_array(1, 2.50, NULL)) END,
          ('{"k": ' || i || ',  "dup": 1}')::json,
          i % 2 = 0,
          i::float8 / 3
        FROM generate_series(1, 10000) AS i;
        """);
    paw = PostgresFixture.paw(home, request -> false, Duration.ofSeconds(30));
  }

  @AfterAll
  void close() {
    if (paw != null) {
      paw.close();
    }
  }

  private void admin(String sql) throws Exception {
    try (Connection admin = server.admin();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  private Pocket pocket(String name) {
    Pocket pocket = paw.pocket(name);
    PostgresFixture.storeCredentials(paw, pocket, server);
    return pocket;
  }

  private static List<Map<String, Object>> read(Pocket pocket, String sql) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection db = pocket.openReadOnlyConnection();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void tenThousandRowsLandWithExactValuesAndTypedColumns() throws Exception {
    Pocket pocket = pocket("Events");
    PostgresSync.Result result = PostgresSync.table("sync", "events").run(paw, pocket);
    assertThat(result.rows()).isEqualTo(ROWS);
    assertThat(result.pages()).isEqualTo(10);

    Map<String, String> types = new LinkedHashMap<>();
    read(pocket, "PRAGMA table_info(events)")
        .forEach(c -> types.put((String) c.get("name"), (String) c.get("type")));
    assertThat(types)
        .containsExactly(
            Map.entry("id", "INTEGER"),
            Map.entry("amount", "TEXT"),
            Map.entry("note", "TEXT"),
            Map.entry("data", "BLOB"),
            Map.entry("at", "TEXT"),
            Map.entry("local_at", "TEXT"),
            Map.entry("payload", "TEXT"),
            Map.entry("doc", "TEXT"),
            Map.entry("flag", "INTEGER"),
            Map.entry("ratio", "REAL"));
    assertThat(read(pocket, "PRAGMA table_info(events)").get(0).get("pk")).isEqualTo(1);

    List<Map<String, Object>> rows = read(pocket, "SELECT * FROM events ORDER BY id");
    assertThat(rows).hasSize(ROWS);
    for (int i = 1; i <= ROWS; i++) {
      Map<String, Object> row = rows.get(i - 1);
      assertThat(((Number) row.get("id")).longValue()).isEqualTo(i);
      boolean nulls = i % 7 == 0;
      assertThat(row.get("amount"))
          .isEqualTo(
              nulls
                  ? null
                  : BigDecimal.valueOf(i)
                      .multiply(new BigDecimal("1000000.000001"))
                      .setScale(6)
                      .toPlainString());
      assertThat(row.get("note"))
          .isEqualTo(nulls ? null : "it's \"quoted\", \nline " + i + "\r\n\ttab");
      assertThat(row.get("at"))
          .isEqualTo(
              Instant.parse("2024-02-29T23:59:59.123456Z")
                  .plusSeconds(i)
                  .plusNanos(i * 1000L)
                  .toString());
      assertThat(row.get("local_at"))
          .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i) + ":00");
      if (nulls) {
        assertThat(row.get("payload")).isNull();
      } else {
        assertThat(JSON.readTree((String) row.get("payload")))
            .isEqualTo(
                JSON.readTree(
                    "{\"i\": " + i + ", \"note\": \"a\\\"b\\nc\", \"list\": [1, 2.50, null]}"));
      }
      // bytes follow note and are NULL on other rows, so a NULL read before them cannot leak in
      assertThat((byte[]) row.get("data"))
          .isEqualTo(
              i % 5 == 0 ? null : java.util.HexFormat.of().parseHex(String.format("%08x", i)));
      assertThat(row.get("doc")).isEqualTo("{\"k\": " + i + ",  \"dup\": 1}");
      assertThat(((Number) row.get("flag")).intValue()).isEqualTo(i % 2 == 0 ? 1 : 0);
      assertThat(((Number) row.get("ratio")).doubleValue()).isEqualTo(i / 3.0);
    }
    assertThat(PostgresFixture.filesHolding(home, server.password)).isEmpty();
  }

  @Test
  void anIncrementalSyncFetchesOnlyRowsPastTheLastValue() throws Exception {
    admin("CREATE TABLE sync.feed AS SELECT id, note FROM sync.events WHERE id <= 2500");
    Pocket pocket = pocket("Feed");
    PostgresSync sync = PostgresSync.table("sync", "feed").incrementalOn("id").pageSize(1000);
    PostgresSync.Result first = sync.run(paw, pocket);
    assertThat(first.rows()).isEqualTo(2500);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(first.cursor()).isEqualTo("2500");

    admin("INSERT INTO sync.feed VALUES (2501, 'new'), (2502, E'new\\nline')");
    PostgresSync.Result second = sync.run(paw, pocket);
    assertThat(second.rows()).isEqualTo(2);
    assertThat(second.cursor()).isEqualTo("2502");
    assertThat(read(pocket, "SELECT count(*) AS n FROM feed").get(0).get("n")).isEqualTo(2502);
    assertThat(read(pocket, "SELECT note FROM feed WHERE id = 2502").get(0).get("note"))
        .isEqualTo("new\nline");
    assertThat(sync.run(paw, pocket).rows()).isZero();
  }

  @Test
  void aSyncStoppedMidWayKeepsWholePagesAndResumesAtItsCheckpoint() throws Exception {
    admin("CREATE TABLE sync.stoppable (id int PRIMARY KEY, note text)");
    Pocket pocket = pocket("Stopped");
    PostgresSync sync =
        PostgresSync.query("SELECT id, note FROM sync.stoppable")
            .into("stopped")
            .keys("id")
            .incrementalOn("id")
            .pageSize(1000);
    assertThat(sync.run(paw, pocket).rows()).isZero(); // makes the (empty) pocket table
    admin("INSERT INTO sync.stoppable SELECT id, note FROM sync.events WHERE id <= 4000");
    // the pocket refuses row 2500: the sync fails inside its third page
    try (Connection db = dev.paw.runtime.internal.pocket.PocketDatabase.open(pocket);
        Statement statement = db.createStatement()) {
      statement.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON stopped WHEN NEW.id = 2500"
              + " BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
    }
    assertThatThrownBy(() -> sync.run(paw, pocket)).hasMessageContaining("the disk is full");
    assertThat(read(pocket, "SELECT count(*) AS n, max(id) AS top FROM stopped").get(0))
        .containsEntry("n", 2000)
        .containsEntry("top", 2000);
    assertThat(read(pocket, "SELECT cursor, rows, in_progress FROM _paw_postgres_sync").get(0))
        .containsEntry("cursor", "2000")
        .containsEntry("rows", 2000)
        .containsEntry("in_progress", 1);

    admin("DELETE FROM sync.stoppable WHERE id = 2500");
    PostgresSync.Result resumed = sync.run(paw, pocket);
    assertThat(resumed.rows()).isEqualTo(1999);
    assertThat(read(pocket, "SELECT count(*) AS n FROM stopped").get(0).get("n")).isEqualTo(3999);
  }

  @Test
  void aSyncNeverWritesOverATableItDidNotMake() throws Exception {
    Pocket pocket = pocket("Imported");
    try (Connection db = dev.paw.runtime.internal.pocket.PocketDatabase.open(pocket);
        Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE sales (id INTEGER, amount TEXT)");
      statement.execute("INSERT INTO sales VALUES (1, '9.99')");
    }
    assertThatThrownBy(() -> PostgresSync.query("SELECT 1 AS id").into("sales").run(paw, pocket))
        .hasMessageContaining("pocket table \"sales\" already holds other data");
    assertThat(read(pocket, "SELECT * FROM sales")).hasSize(1);
  }

  @Test
  void aHostileNameIsAnsweredWithAnErrorNamingIt() throws Exception {
    Pocket pocket = pocket("Hostile");
    assertThatThrownBy(
            () -> PostgresSync.table("sync", "events; DROP TABLE sync.events").run(paw, pocket))
        .hasMessageContaining("no table \"events; DROP TABLE sync.events\" in schema \"sync\"");
    assertThatThrownBy(
            () ->
                PostgresSync.table("sync", "events")
                    .incrementalOn("id\" FROM x; --")
                    .run(paw, pocket))
        .hasMessageContaining("no column \"id\"\" FROM x; --\"");
    assertThatThrownBy(
            () -> PostgresSync.table("sync", "events").into("x\"; DROP").run(paw, pocket))
        .hasMessageContaining("pocket table \"x\"; DROP\"");
    admin("SELECT 1 FROM sync.events LIMIT 1");
  }

  @Test
  void aFullRefreshReplacesTheTableWhole() throws Exception {
    Pocket pocket = pocket("Refresh");
    PostgresSync sync =
        PostgresSync.query("SELECT id, amount FROM sync.events WHERE id <= 30")
            .into("small")
            .pageSize(7);
    assertThat(sync.run(paw, pocket).pages()).isEqualTo(5);
    assertThat(sync.run(paw, pocket).rows()).isEqualTo(30);
    assertThat(read(pocket, "SELECT count(*) AS n FROM small").get(0).get("n")).isEqualTo(30);
    assertThat(read(pocket, "SELECT name FROM sqlite_master WHERE name LIKE '_paw_pg_stage%'"))
        .isEmpty();
  }
}
