package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Chooses column formats from a sample of a file and loads the file's rows into a table. */
final class TableLoader {

  /**
   * What one load did: rows read, the profile of the whole pass, and the first value that did not
   * fit, if any.
   */
  record Load(long rows, ColumnProfile profile, Misfit misfit) {}

  private final Connection connection;
  private final ImportLimits limits;
  private final Reporter reporter;

  /** Hears how far a load has got: rows and batches written, bytes of the file read. */
  @FunctionalInterface
  interface Reporter {
    Reporter NONE = (rows, batches, bytes, done) -> {};

    void report(long rows, long batches, long bytes, boolean done);
  }

  TableLoader(Connection connection, ImportLimits limits) {
    this(connection, limits, Reporter.NONE);
  }

  TableLoader(Connection connection, ImportLimits limits, Reporter reporter) {
    this.connection = connection;
    this.limits = limits;
    this.reporter = reporter;
  }

  /** The formats the first {@link ImportLimits#sampleRows()} rows fit; the load checks the rest. */
  List<ColumnFormat> sample(TabularSource source) throws IOException {
    int width = source.headers().size();
    ColumnProfile profile = new ColumnProfile(width);
    String[] values = new String[width];
    byte[] kinds = new byte[width];
    try (RowReader reader = source.open()) {
      for (int row = 0; row < limits.sampleRows() && reader.next(values, kinds, 0); row++) {
        profile.observe(values, kinds, 0);
      }
    }
    return profile.chooseAll();
  }

  /**
   * Loads every row of {@code source} into {@code table}, stopping the writes at the first value
   * that does not fit its format. The caller owns the transaction and rolls back a load that
   * reports a misfit.
   *
   * @param columns the table's columns in the order of the file's
   * @param readPastMisfit whether to read on after a misfit so the profile covers the whole file
   */
  Load load(
      TabularSource source,
      String table,
      List<String> columns,
      List<ColumnFormat> formats,
      boolean readPastMisfit)
      throws IOException, SQLException {
    RowReader reader = source.open();
    try (RowPipeline pipeline =
            new RowPipeline(reader, columns.size(), formats, limits.batchRows(), readPastMisfit);
        BatchInserter inserter = new BatchInserter(connection, table, columns, formats)) {
      long written = 0;
      long batches = 0;
      for (RowBatch batch = pipeline.take(); batch != null; batch = pipeline.take()) {
        inserter.insert(batch);
        written += batch.rows;
        batches++;
        pipeline.recycle(batch);
        reporter.report(written, batches, reader.bytesRead(), false);
      }
      reporter.report(written, batches, reader.bytesRead(), true);
      return new Load(pipeline.rows(), pipeline.profile(), pipeline.misfit());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileActionException(source.name() + ": import interrupted", e);
    }
  }
}
