package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run must keep doing what the start-up cache is recorded from: the demo's
 * import and a whole Stripe sync through the CLI. If it failed, the launcher would keep no cache
 * and every command would start slower, with nothing printed to say why.
 */
class StartupTrainingTest {

  @TempDir Path home;
  @TempDir Path nativeFolder;

  @Test
  void theTrainingRunImportsTheDemoFileAndSyncsEveryInvoiceThenCopiesSqlitesLibrary()
      throws Exception {
    ScriptedTerminal terminal = new ScriptedTerminal(false);

    int exit = StartupTraining.train(home, nativeFolder.resolve("sqlite"), terminal);

    assertThat(exit).as(terminal.printed() + terminal.errors()).isZero();
    assertThat(count(pocket("training"), "stripe_invoices")).isEqualTo(StartupTraining.INVOICES);
    assertThat(count(pocket("demo"), "sqlite_schema")).isPositive();
    try (Stream<Path> copied = Files.list(nativeFolder.resolve("sqlite"))) {
      assertThat(copied.map(p -> p.getFileName().toString()))
          .singleElement()
          .satisfies(name -> assertThat(name).contains("sqlitejdbc"));
    }
  }

  private Path pocket(String slug) {
    return home.resolve("pockets").resolve(slug).resolve("pocket.db");
  }

  private static long count(Path db, String table) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      return rows.getLong(1);
    }
  }
}
