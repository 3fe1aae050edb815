package dev.paw.postgresql.internal.sync;

import dev.paw.postgresql.internal.Catalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One sync of a PostgreSQL table or query into a pocket table, read in one read-only snapshot and
 * written page by page: each page's rows and the checkpoint after them commit in one SQLite
 * transaction, so a stopped sync leaves whole pages and a checkpoint that matches them.
 *
 * <p>Incremental (a cursor column given): rows come in the column's order, after the last value
 * committed; a page never ends inside a run of equal values, so resuming after a page skips
 * nothing. Rows whose cursor column is NULL come only with the first run. Full refresh (no cursor
 * column): pages go into a staging table that replaces the pocket table in the last transaction, so
 * readers see the old table or the whole new one.
 */
public final class SyncRun {

  /** What a run did. */
  public record Outcome(String table, long rows, int pages, String cursor) {}

  private final SyncRequest request;

  public SyncRun(SyncRequest request) {
    this.request = request;
  }

  /**
   * Runs the sync; {@code pg} is in a read-only transaction, {@code pocket} is a writable
   * connection to the pocket's database in auto-commit mode.
   */
  public Outcome run(Connection pg, Connection pocket) throws SQLException {
    SyncRequest.Source source = request.resolve(pg);
    String target = PocketTable.checkedName(request.target());
    SyncStates states = new SyncStates(pocket);
    SyncStates.State state = states.load(target);
    if (state != null && !state.source().equals(source.description())) {
      throw new IllegalArgumentException(
          "pocket table \"" + target + "\" is synced from " + state.source() + ", not this source");
    }
    if (state == null && PocketTable.exists(pocket, target)) {
      throw new IllegalArgumentException(
          "pocket table \""
              + target
              + "\" already holds other data (an import or a connector's table), and a sync"
              + " never writes over it: sync into another table (into)");
    }
    String column = request.cursorColumn();
    boolean incremental = column != null;
    String cursor =
        incremental && state != null && column.equals(state.cursorColumn()) ? state.cursor() : null;
    SourceColumns columns = probe(pg, source);
    int cursorIndex = incremental ? columns.indexOf(column) : -1;
    for (String key : source.keys()) {
      columns.indexOf(key);
    }
    String sql =
        "SELECT * FROM "
            + source.from()
            + (cursor == null
                ? ""
                : " WHERE "
                    + Catalog.quote(column)
                    + " > CAST(? AS "
                    + Catalog.quote(columns.types().get(cursorIndex))
                    + ")")
            + (incremental ? " ORDER BY " + Catalog.quote(column) : "");
    String written = incremental ? target : "_paw_pg_stage_" + target;
    PocketTable table = new PocketTable(pocket, written, columns, source.keys());
    inTransaction(
        pocket,
        () -> {
          if (!incremental) {
            table.drop();
          }
          table.createOrCheck();
        });
    long rows = 0;
    int pages = 0;
    String last = cursor;
    try (PreparedStatement statement = pg.prepareStatement(sql)) {
      statement.setFetchSize(request.pageSize());
      if (cursor != null) {
        statement.setString(1, cursor);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<Object[]> page = new ArrayList<>();
        String pageCursor = last;
        while (result.next()) {
          String rowCursor = incremental ? result.getString(cursorIndex + 1) : null;
          if (page.size() >= request.pageSize()
              && (!incremental || !Objects.equals(rowCursor, pageCursor))) {
            commit(pocket, table, states, progress(source, target, pageCursor, rows, pages), page);
            rows += page.size();
            pages++;
            last = pageCursor;
            page.clear();
          }
          page.add(row(result, columns));
          if (rowCursor != null) {
            pageCursor = rowCursor;
          }
        }
        if (!page.isEmpty()) {
          commit(pocket, table, states, progress(source, target, pageCursor, rows, pages), page);
          rows += page.size();
          pages++;
          last = pageCursor;
        }
      }
    }
    long total = rows;
    int count = pages;
    String end = last;
    inTransaction(
        pocket,
        () -> {
          if (!incremental) {
            table.renameTo(target);
          }
          states.save(
              new SyncStates.State(
                  target,
                  source.description(),
                  column,
                  end,
                  total,
                  count,
                  false,
                  SyncStates.now()));
        });
    return new Outcome(target, total, count, end);
  }

  /** The checkpoint a page moves to: {@code cursor} is its last row's; the counts are before it. */
  private SyncStates.State progress(
      SyncRequest.Source source, String target, String cursor, long rows, int pages) {
    return new SyncStates.State(
        target, source.description(), request.cursorColumn(), cursor, rows, pages, true, null);
  }

  private static void commit(
      Connection pocket,
      PocketTable table,
      SyncStates states,
      SyncStates.State before,
      List<Object[]> page)
      throws SQLException {
    inTransaction(
        pocket,
        () -> {
          table.write(page);
          states.save(
              new SyncStates.State(
                  before.target(),
                  before.source(),
                  before.cursorColumn(),
                  before.cursor(),
                  before.rows() + page.size(),
                  before.pages() + 1,
                  true,
                  null));
        });
  }

  private static SourceColumns probe(Connection pg, SyncRequest.Source source) throws SQLException {
    try (PreparedStatement statement =
            pg.prepareStatement("SELECT * FROM " + source.from() + " LIMIT 0");
        ResultSet result = statement.executeQuery()) {
      return SourceColumns.of(result.getMetaData());
    }
  }

  private static Object[] row(ResultSet result, SourceColumns columns) throws SQLException {
    Object[] row = new Object[columns.names().size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = columns.kinds().get(i).read(result, i + 1);
    }
    return row;
  }

  @FunctionalInterface
  private interface Work {
    void run() throws SQLException;
  }

  private static void inTransaction(Connection db, Work work) throws SQLException {
    db.setAutoCommit(false);
    try {
      work.run();
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }
}
