package dev.paw.cli;

import dev.paw.dashboard.widget.Widget;
import dev.paw.dashboard.widget.WidgetFile;
import dev.paw.dashboard.widget.WidgetKind;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paw widgets list|add|remove}: the widgets of a pocket's page, kept in {@code widgets.yaml}
 * in the pocket directory.
 */
@Command(
    name = "widgets",
    description = "List, add or remove the widgets of a pocket's page (paw serve).",
    subcommands = {
      WidgetsCommand.ListWidgets.class,
      WidgetsCommand.Add.class,
      WidgetsCommand.Remove.class
    })
final class WidgetsCommand {

  static Path file(CliContext context, Pocket pocket) {
    return context.pawHome().pocketsDirectory().resolve(pocket.slug()).resolve(WidgetFile.NAME);
  }

  /** The file's widgets, refusing a file with problems (they are printed, file:line:col). */
  static WidgetFile.Contents read(CliContext context, Path file) throws Exception {
    WidgetFile.Contents contents = WidgetFile.read(file);
    if (!contents.problems().isEmpty()) {
      contents.problems().forEach(p -> context.terminal().err().println(p));
      throw new IllegalArgumentException(
          file + " has problems; fix them first (paw serve shows the widgets without problems)");
    }
    return contents;
  }

  @Command(name = "list", description = "List the pocket's widgets from its widgets.yaml.")
  static final class ListWidgets implements Callable<Integer> {
    private final CliContext context;

    @Mixin PocketOption.Existing pocketOption;

    ListWidgets(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      Path file = file(context, pocketOption.get(context));
      WidgetFile.Contents contents = WidgetFile.read(file);
      contents.problems().forEach(p -> context.terminal().err().println(p));
      List<List<Object>> rows = new ArrayList<>();
      for (Widget widget : contents.widgets()) {
        rows.add(List.of(widget.title(), widget.kind().wireName(), widget.sql().strip()));
      }
      context
          .terminal()
          .out()
          .println(file + (contents.defaults() ? " (and the default widgets)" : ""));
      Output.table(context.terminal().out(), List.of("TITLE", "KIND", "SQL"), rows);
      return contents.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  @Command(
      name = "add",
      description =
          "Add a widget: a title, a kind (number, table, bar, line, list) and a read-only SQL"
              + " query, checked against the pocket's tables.")
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Mixin PocketOption.Existing pocketOption;

    @Option(names = "--title", required = true, paramLabel = "TITLE", description = "Its title.")
    String title;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "number, table, bar, line or list.")
    String kind;

    @Option(
        names = "--sql",
        required = true,
        paramLabel = "SQL",
        description = "One read-only query (SELECT, WITH or VALUES).")
    String sql;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      Pocket pocket = pocketOption.get(context);
      WidgetKind parsed =
          WidgetKind.parse(kind)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown kind '" + kind + "'; kinds: " + WidgetKind.spellings()));
      String problem = Widget.sqlProblem(sql);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      try (Connection connection = pocket.openReadOnlyConnection();
          PreparedStatement ignored = connection.prepareStatement(sql)) {
        // compiles against the pocket's tables: a misspelt table or column is refused here
      } catch (SQLException e) {
        throw new IllegalArgumentException(
            "the query does not run on this pocket: " + e.getMessage());
      }
      Path file = file(context, pocket);
      WidgetFile.Contents contents = read(context, file);
      if (contents.widgets().stream().anyMatch(w -> w.title().equals(title))) {
        throw new IllegalArgumentException(
            "there is a widget titled '" + title + "' already; remove it first");
      }
      List<Widget> widgets = new ArrayList<>(contents.widgets());
      widgets.add(new Widget(title, parsed, sql));
      WidgetFile.write(file, widgets, contents.defaults());
      context.terminal().out().println("added widget '" + title + "' to " + file);
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Remove a widget by its title.")
  static final class Remove implements Callable<Integer> {
    private final CliContext context;

    @Mixin PocketOption.Existing pocketOption;

    @Option(names = "--title", required = true, paramLabel = "TITLE", description = "Its title.")
    String title;

    Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      Path file = file(context, pocketOption.get(context));
      WidgetFile.Contents contents = read(context, file);
      List<Widget> kept =
          contents.widgets().stream().filter(w -> !w.title().equals(title)).toList();
      if (kept.size() == contents.widgets().size()) {
        throw new IllegalArgumentException("no widget titled '" + title + "' in " + file);
      }
      WidgetFile.write(file, kept, contents.defaults());
      context.terminal().out().println("removed widget '" + title + "' from " + file);
      return ExitCodes.OK;
    }
  }
}
