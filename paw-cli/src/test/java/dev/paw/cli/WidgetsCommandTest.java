package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paw widgets list|add|remove} edit the pocket's widgets.yaml, refusing what cannot run. */
class WidgetsCommandTest {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  @TempDir Path home;

  /** Outside the paw home: the file connector refuses paths inside it. */
  @TempDir Path files;

  private record Run(int exit, ScriptedTerminal terminal) {}

  private Run paw(String... args) {
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = PawCli.run(all, terminal, Map.of("PAW_MASTER_KEY", MASTER_KEY));
    return new Run(exit, terminal);
  }

  @BeforeEach
  void pocketWithATable() throws Exception {
    Path csv = files.resolve("sales.csv");
    Files.writeString(csv, "region,units\nnorth,3\nsouth,4\n");
    assertThat(paw("connect", "csv", "--pocket", "Shop").exit()).isZero();
    Run imported = paw("run", "csv", "import_file", "--pocket", "Shop", "-p", "file_path=" + csv);
    assertThat(imported.exit()).as(imported.terminal().errors()).isZero();
  }

  @Test
  void addsListsAndRemovesWidgets() throws Exception {
    Run added =
        paw(
            "widgets",
            "add",
            "--pocket",
            "Shop",
            "--title",
            "Units",
            "--kind",
            "number",
            "--sql",
            "SELECT sum(units) FROM sales");
    assertThat(added.exit()).as(added.terminal().errors()).isZero();
    Path file = home.resolve("pockets/shop/widgets.yaml");
    assertThat(Files.readString(file))
        .contains("title: \"Units\"", "kind: number", "SELECT sum(units) FROM sales");

    Run listed = paw("widgets", "list", "--pocket", "Shop");
    assertThat(listed.exit()).isZero();
    assertThat(listed.terminal().printed())
        .contains("Units", "number", "SELECT sum(units) FROM sales");

    assertThat(
            paw(
                    "widgets",
                    "add",
                    "--pocket",
                    "Shop",
                    "--title",
                    "Units",
                    "--kind",
                    "list",
                    "--sql",
                    "SELECT 1")
                .terminal()
                .errors())
        .contains("there is a widget titled 'Units' already");

    assertThat(paw("widgets", "remove", "--pocket", "Shop", "--title", "Units").exit()).isZero();
    assertThat(Files.readString(file)).doesNotContain("Units");
    assertThat(paw("widgets", "remove", "--pocket", "Shop", "--title", "Units").terminal().errors())
        .contains("no widget titled 'Units'");
  }

  @Test
  void refusesAQueryThatWritesOrDoesNotRunAndAnUnknownKind() {
    Run writes =
        paw(
            "widgets",
            "add",
            "--pocket",
            "Shop",
            "--title",
            "X",
            "--kind",
            "number",
            "--sql",
            "DELETE FROM sales");
    assertThat(writes.exit()).isNotZero();
    assertThat(writes.terminal().errors()).contains("must read (SELECT, WITH or VALUES)");
    Run misspelt =
        paw(
            "widgets",
            "add",
            "--pocket",
            "Shop",
            "--title",
            "X",
            "--kind",
            "number",
            "--sql",
            "SELECT sum(unitz) FROM sales");
    assertThat(misspelt.terminal().errors()).contains("does not run on this pocket", "unitz");
    Run kind =
        paw(
            "widgets",
            "add",
            "--pocket",
            "Shop",
            "--title",
            "X",
            "--kind",
            "pie",
            "--sql",
            "SELECT 1");
    assertThat(kind.terminal().errors())
        .contains("unknown kind 'pie'; kinds: number, table, bar, line, list");
    assertThat(home.resolve("pockets/shop/widgets.yaml")).doesNotExist();
  }

  @Test
  void aBrokenWidgetFileIsReportedWithLineAndColumn() throws Exception {
    Files.writeString(
        home.resolve("pockets/shop/widgets.yaml"),
        "widgets:\n  - title: A\n    kind: pie\n    sql: SELECT 1\n");
    Run listed = paw("widgets", "list", "--pocket", "Shop");
    assertThat(listed.exit()).isNotZero();
    assertThat(listed.terminal().errors()).contains("widgets.yaml:3:11: unknown kind 'pie'");
  }
}
