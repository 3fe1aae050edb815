package dev.paw.postgresql;

import dev.paw.postgresql.internal.PgConnections;
import dev.paw.postgresql.internal.PostgresException;
import dev.paw.postgresql.internal.Transactions;
import dev.paw.postgresql.internal.sync.SyncRequest;
import dev.paw.postgresql.internal.sync.SyncRun;
import dev.paw.runtime.Paw;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.Pocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Syncs a PostgreSQL table or query into a pocket table, so a database feeds a pocket like an API
 * does, with the pocket's postgresql credentials. Columns are typed from the result's metadata
 * (whole numbers INTEGER, floats REAL, {@code numeric} exact text, booleans 0/1, timestamps
 * ISO-8601 text, JSON text, {@code bytea} BLOB). Each page of rows commits with its checkpoint in
 * one transaction; with an incremental column, a later run fetches only rows past the last value
 * committed (and resumes there after a failure). Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * PostgresSync.table("public", "orders").incrementalOn("updated_at").run(paw, pocket);
 * PostgresSync.query("SELECT id, total FROM orders WHERE paid").into("paid_orders").keys("id")
 *     .run(paw, pocket);
 * }</pre>
 */
public final class PostgresSync {

  private String schema;
  private String table;
  private String query;
  private String target;
  private String cursorColumn;
  private List<String> keys = List.of();
  private int pageSize = 1000;
  private Duration statementTimeout = Duration.ofMinutes(10);

  private PostgresSync() {}

  /**
   * A table (or view) of {@code schema}, into a pocket table of the same name, keyed by its key.
   */
  public static PostgresSync table(String schema, String table) {
    PostgresSync sync = new PostgresSync();
    sync.schema = Objects.requireNonNull(schema);
    sync.table = Objects.requireNonNull(table);
    sync.target = table;
    return sync;
  }

  /** The rows of a query (run as given, in a read-only transaction); name the table with into. */
  public static PostgresSync query(String sql) {
    PostgresSync sync = new PostgresSync();
    sync.query = Objects.requireNonNull(sql);
    return sync;
  }

  /** The pocket table written: a letter, then letters, digits or underscores. */
  public PostgresSync into(String pocketTable) {
    return copy(c -> c.target = Objects.requireNonNull(pocketTable));
  }

  /** Syncs incrementally: rows in this column's order, each run after the last value synced. */
  public PostgresSync incrementalOn(String column) {
    return copy(c -> c.cursorColumn = Objects.requireNonNull(column));
  }

  /** The columns identifying a row (a table's primary key is used when none are given). */
  public PostgresSync keys(String... columns) {
    return copy(c -> c.keys = List.of(columns));
  }

  /** Rows per page (and per pocket transaction); default 1000. */
  public PostgresSync pageSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("a page has at least one row, not " + rows);
    }
    return copy(c -> c.pageSize = rows);
  }

  /** How long one statement of the sync may run on the server; default 10 minutes. */
  public PostgresSync statementTimeout(Duration value) {
    return copy(c -> c.statementTimeout = Objects.requireNonNull(value));
  }

  private PostgresSync copy(Consumer<PostgresSync> change) {
    PostgresSync copy = new PostgresSync();
    copy.schema = schema;
    copy.table = table;
    copy.query = query;
    copy.target = target;
    copy.cursorColumn = cursorColumn;
    copy.keys = keys;
    copy.pageSize = pageSize;
    copy.statementTimeout = statementTimeout;
    change.accept(copy);
    return copy;
  }

  /** What a sync did: the pocket table, rows and pages written, the incremental value reached. */
  public record Result(String table, long rows, int pages, String cursor) {}

  /**
   * Runs the sync with the pocket's postgresql credentials.
   *
   * @throws IllegalArgumentException for a name the catalogue or the pocket refuses
   * @throws RuntimeException with PostgreSQL's message (never a credential) when the server fails
   */
  public Result run(Paw paw, Pocket pocket) {
    if (target == null) {
      throw new IllegalArgumentException("a query's sync needs a pocket table: into(name)");
    }
    PgConnections connections =
        new PgConnections(paw.credentials(pocket, PostgresAdapter.CONNECTOR));
    try (Connection pg = connections.open();
        Connection db = PocketDatabase.open(pocket)) {
      SyncRun.Outcome outcome =
          Transactions.readOnly(
              pg,
              statementTimeout,
              c ->
                  new SyncRun(
                          new SyncRequest(
                              schema, table, query, target, cursorColumn, keys, pageSize))
                      .run(c, db));
      return new Result(outcome.table(), outcome.rows(), outcome.pages(), outcome.cursor());
    } catch (SQLException e) {
      throw new PostgresException("sync", e);
    }
  }
}
