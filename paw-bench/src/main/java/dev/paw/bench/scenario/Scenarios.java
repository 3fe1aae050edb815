package dev.paw.bench.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One scenario in its own JVM, so its peak RSS is its own: {@code Scenarios KIND API_BASE RECORDS
 * DIR}. Kinds: {@code raw}, {@code generated}, {@code yaml}, {@code hand-tuned}. Prints an {@link
 * Outcome} line.
 */
public final class Scenarios {

  private Scenarios() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    String apiBase = args[1];
    int records = Integer.parseInt(args[2]);
    Path dir = Files.createDirectories(Path.of(args[3]));
    Outcome outcome =
        switch (kind) {
          case "raw" -> RawClient.run(apiBase, records);
          case "generated" -> PawSync.run(apiBase, dir, true);
          case "yaml" -> PawSync.run(apiBase, dir, false);
          case "hand-tuned" -> HandTunedSync.run(apiBase, dir.resolve("hand.db"));
          default -> throw new IllegalArgumentException("unknown scenario " + kind);
        };
    System.out.println(outcome.line());
    System.exit(0);
  }

  static long count(Connection db, String table) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
