package dev.paw.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.Paw;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code query_table} runs at trust level {@code auto}: an agent may call it without asking anyone,
 * so whatever SQL it is given must change nothing, neither in this pocket's database nor on disk,
 * and must reach no other pocket. Through Paw and the csv connector, as a caller would.
 */
class QueryTableCannotWriteTest {

  /**
   * query_table may attach no database: ATTACH and VACUUM INTO (which attaches its output) are
   * refused so.
   */
  private static final String NO_ATTACHING =
      "query failed: [SQLITE_ERROR] SQL error or missing database (too many attached databases - max 0)";

  @TempDir Path dir;

  private Paw paw;
  private Pocket pocket;
  private ConnectorProtocol csv;
  private Path pocketDb;
  private Path otherDb;

  @BeforeEach
  void setUp() throws Exception {
    PawHome home = PawHome.at(dir.resolve("home"));
    paw =
        Paw.builder()
            .home(home)
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(
                List.of(Path.of(System.getProperty("paw.repositoryRoot", ".."), "connectors")))
            .actor("query-test")
            .build();
    pocket = paw.pocket("Mine");
    Pocket other = paw.pocket("Other");
    Path sales = Files.writeString(dir.resolve("sales.csv"), "id,amount\n1,250.00\n2,99.50\n");
    csv = paw.connector(pocket, "csv");
    csv.execute("import_file", Map.of("file_path", sales.toString())).toCompletableFuture().join();
    paw.connector(other, "csv")
        .execute("import_file", Map.of("file_path", sales.toString(), "table_name", "secrets"))
        .toCompletableFuture()
        .join();
    pocketDb = home.pocketsDirectory().resolve("mine/pocket.db");
    otherDb = home.pocketsDirectory().resolve("other/pocket.db");
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  private Throwable query(String sql) {
    Throwable error =
        catchThrowable(
            () -> csv.execute("query_table", Map.of("query", sql)).toCompletableFuture().join());
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO sales (id) VALUES (3)",
        "UPDATE sales SET amount = 0",
        "DELETE FROM sales",
        "DROP TABLE sales",
        "DELETE FROM _paw_audit",
        "UPDATE _paw_sync_state SET cursor = NULL",
        "CREATE TABLE evil (x)",
        "CREATE TRIGGER t AFTER INSERT ON sales BEGIN DELETE FROM sales; END",
        "CREATE VIEW v AS SELECT 1",
        "ALTER TABLE sales ADD COLUMN evil",
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "VACUUM",
        "REINDEX",
        "ANALYZE",
        "SELECT 1; DROP TABLE sales",
        "/* comment */ DELETE FROM sales",
        "WITH x AS (SELECT 1) DELETE FROM sales"
      })
  void writesChangeNothing(String sql) throws Exception {
    String before = snapshot(pocketDb);
    long audited = auditRows();

    query(sql);

    assertThat(snapshot(pocketDb)).as(sql).isEqualTo(before);
    assertThat(auditRows())
        .as("the trail only gained the entry for this call")
        .isEqualTo(audited + 1);
    assertThat(paw.audit(pocket).verify().intact()).isTrue();
  }

  private long auditRows() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + pocketDb);
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM _paw_audit")) {
      return rs.getLong(1);
    }
  }

  @Test
  void vacuumIntoCannotCreateAFile() {
    Path copy = dir.resolve("copy-of-pocket.db");

    Throwable error = query("VACUUM INTO '" + copy + "'");

    // refused by the limit of 0 attached databases, not by the parser
    assertThat(error).as("VACUUM INTO must fail").hasMessage(NO_ATTACHING);
    assertThat(copy).as("not even an empty file is created").doesNotExist();
  }

  @Test
  void anotherPocketCannotBeAttached() throws Exception {
    String before = snapshot(otherDb);

    Throwable error = query("ATTACH DATABASE '" + otherDb + "' AS other");

    // refused by the limit of 0 attached databases, not by the parser
    assertThat(error).as("ATTACH must fail").hasMessage(NO_ATTACHING);
    assertThat(query("SELECT count(*) FROM other.secrets"))
        .as("nothing was attached")
        .hasMessageEndingWith("(no such table: other.secrets)");
    assertThat(snapshot(otherDb)).isEqualTo(before);
  }

  @Test
  void readingStillWorks() {
    assertThat(query("SELECT sum(amount) FROM sales")).isNull();
  }

  /**
   * Every table's name and rows, hashed: equal exactly when nothing was changed. The audit trail is
   * left out: each call adds its own entry (checked on its own).
   */
  private static String snapshot(Path database) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = db.createStatement()) {
      List<String> objects = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
        while (rs.next()) {
          objects.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
      }
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        objects.add("user_version " + rs.getInt(1));
      }
      for (String object : objects) {
        sha.update(object.getBytes());
        String[] parts = object.split(" ", 3);
        if (parts[0].equals("table")
            && !parts[1].equals("_paw_audit")
            && !parts[1].equals("sqlite_sequence")) {
          try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + parts[1] + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                sha.update(String.valueOf(rs.getObject(i)).getBytes());
              }
            }
          }
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
