package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * query_table reads through a connection SQLite opened read-only: writes are refused by the
 * database itself.
 */
class QueryTableTest {

  @TempDir Path dir;
  ScratchPocket pocket;
  ReadOnlyDatabase readOnly;

  @BeforeEach
  void open() throws Exception {
    pocket = new ScratchPocket(dir);
    readOnly = ReadOnlyDatabase.at(pocket.database);
    pocket.importFile(
        pocket.write("sales.csv", "id,amount,paid\n1,250.00,true\n2,99.50,false\n3,120.25,true\n"));
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  @Test
  void runsAQueryAndRendersImportedColumnsInTheirFormat() {
    QueryResult result =
        pocket.actions.queryTable(
            readOnly,
            "SELECT id, amount AS total, paid, amount * 2 AS doubled FROM sales WHERE amount > 100 ORDER BY id",
            1000);

    assertThat(result.columns()).containsExactly("id", "total", "paid", "doubled");
    assertThat(result.rows())
        .containsExactly(
            List.of(1L, new BigDecimal("250.00"), true, 500.0),
            List.of(3L, new BigDecimal("120.25"), true, 240.5));
    assertThat(result.truncated()).isFalse();
    assertThat(result.toJson().toString()).contains("[1,250.00,true,500.0]");
    assertThat(result.toJsonText()).contains("[1,250.00,true,500.0]");
  }

  @Test
  void aColumnRenamedAfterAnotherNeverTakesThatColumnsFormat() throws Exception {
    pocket.importFile(
        pocket.write("rates.csv", "id,amount,paid,rate\n1,250.00,true,1.234\n2,0.00,false,0.5\n"));

    QueryResult result =
        pocket.actions.queryTable(
            readOnly,
            "SELECT amount AS paid, paid AS amount, rate AS amount FROM rates ORDER BY id",
            10);

    // SQLite names the first result column 'paid', the boolean column, for what is the REAL
    // 'amount': with two REAL
    // formats in the table to choose from, it is shown as the plain number it is, not as a boolean;
    // and 'rate' shown
    // under the name 'amount' (two decimals) keeps its third
    assertThat(result.rows())
        .containsExactly(
            List.of(250.0, true, new BigDecimal("1.234")),
            List.of(0.0, false, new BigDecimal("0.50")));
  }

  @Test
  void capsRowsAtTheLimit() {
    QueryResult result = pocket.actions.queryTable(readOnly, "SELECT id FROM sales ORDER BY id", 2);

    assertThat(result.rows()).containsExactly(List.of(1L), List.of(2L));
    assertThat(result.truncated()).isTrue();
    assertThat(result.limit()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO sales (id) VALUES (4)",
        "UPDATE sales SET amount = 0",
        "DELETE FROM sales",
        "DROP TABLE sales",
        "CREATE TABLE evil (x)",
        "ALTER TABLE sales RENAME TO gone",
        "WITH x AS (SELECT 1) INSERT INTO sales (id) SELECT * FROM x",
        "REPLACE INTO sales (id) VALUES (1)",
        "PRAGMA user_version = 7",
        "CREATE TEMP TABLE t AS SELECT 1"
      })
  void theDatabaseRefusesWrites(String sql) throws Exception {
    String before = pocket.snapshot();

    FileActionException error =
        catchThrowableOfType(
            FileActionException.class, () -> pocket.actions.queryTable(readOnly, sql, 10));

    assertThat(error).hasMessageStartingWith("query failed: ");
    assertThat(error.getCause()).isInstanceOf(SQLiteException.class);
    assertThat(((SQLiteException) error.getCause()).getResultCode().code & 0xff)
        .as(error.getMessage())
        .isEqualTo(SQLiteErrorCode.SQLITE_READONLY.code);
    assertThat(pocket.snapshot()).isEqualTo(before);
  }

  @Test
  void theRefusalComesFromTheReadOnlyConnectionAlone() throws Exception {
    // without the extra query_only lock: the connection ReadOnlyDatabase.at opens refuses writes by
    // itself
    try (var connection = readOnly.open();
        var statement = connection.createStatement()) {
      SQLiteException error =
          catchThrowableOfType(
              SQLiteException.class, () -> statement.executeUpdate("DELETE FROM sales"));
      assertThat(error.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_READONLY);
    }
  }

  @Test
  void attachingAnotherDatabaseCannotCreateIt() {
    Path other = dir.resolve("other.db");

    FileActionException error =
        catchThrowableOfType(
            FileActionException.class,
            () ->
                pocket.actions.queryTable(
                    readOnly, "ATTACH DATABASE '" + other + "' AS other", 10));

    assertThat(error)
        .hasMessage(
            "query failed: [SQLITE_ERROR] SQL error or missing database (too many attached databases - max 0)");
    assertThat(other).doesNotExist();
  }

  @Test
  void readsTablesItDidNotImportAsTheyAre() throws Exception {
    try (var writer = DriverManager.getConnection("jdbc:sqlite:" + pocket.database);
        var statement = writer.createStatement()) {
      statement.execute("CREATE TABLE synced (id INTEGER, ratio REAL, note TEXT)");
      statement.execute("INSERT INTO synced VALUES (1, 0.30000000000000004, NULL)");
    }

    QueryResult result = pocket.actions.queryTable(readOnly, "SELECT * FROM synced", 10);

    assertThat(result.rows()).containsExactly(Arrays.asList(1L, 0.30000000000000004, null));
  }

  @Test
  void badSqlAndBadLimitsAreClearErrors() {
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.queryTable(readOnly, "SELEC nothing", 10)))
        .hasMessageContaining("query failed");
    assertThat(
            catchThrowableOfType(
                FileActionException.class,
                () -> pocket.actions.queryTable(readOnly, "SELECT 1", 0)))
        .hasMessage("limit must be between 1 and 100000," + " not 0");
    assertThat(
            catchThrowableOfType(
                FileActionException.class, () -> pocket.actions.queryTable(readOnly, " ", 10)))
        .hasMessage("query is empty");
  }
}
