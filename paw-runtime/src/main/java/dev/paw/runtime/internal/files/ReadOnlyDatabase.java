package dev.paw.runtime.internal.files;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens connections to the pocket database that SQLite itself keeps from writing: {@code
 * query_table} runs the user's SQL on one, so a write is refused by the database ({@code
 * SQLITE_READONLY}), not by guessing at the text.
 */
@FunctionalInterface
public interface ReadOnlyDatabase {

  /** A new read-only connection; the caller closes it. */
  Connection open() throws SQLException;

  /**
   * Read-only connections to the SQLite file {@code database} (e.g. a pocket's {@code pocket.db}).
   */
  static ReadOnlyDatabase at(Path database) {
    return () -> {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      return config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
    };
  }
}
