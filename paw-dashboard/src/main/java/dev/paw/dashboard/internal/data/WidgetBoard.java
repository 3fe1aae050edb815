package dev.paw.dashboard.internal.data;

import dev.paw.dashboard.widget.Widget;
import dev.paw.dashboard.widget.WidgetFile;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pocket's widgets with their data: the widget file's, then (unless it says {@code defaults:
 * false}) the defaults. A widget whose query fails carries the error; the others still show.
 */
public final class WidgetBoard {

  private final QueryRunner runner;
  private final Clock clock;

  public WidgetBoard(QueryRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
  }

  /** Every widget of the pocket, run now, and the widget file's problems. */
  public Map<String, Object> run(Pocket pocket, Path pocketDirectory)
      throws SQLException, IOException {
    WidgetFile.Contents file = WidgetFile.read(pocketDirectory.resolve(WidgetFile.NAME));
    List<Map<String, Object>> widgets = new ArrayList<>();
    try (Connection connection = QueryRunner.open(pocket)) {
      for (Widget widget : file.widgets()) {
        widgets.add(result(connection, widget, "file"));
      }
      if (file.defaults()) {
        for (Widget widget : DefaultWidgets.of(connection, PocketStatus.syncs(connection))) {
          widgets.add(result(connection, widget, "default"));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("widgets", widgets);
    out.put("problems", file.problems().stream().map(Diagnostic::toString).toList());
    return out;
  }

  private Map<String, Object> result(Connection connection, Widget widget, String source) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", widget.title());
    out.put("kind", widget.kind().wireName());
    out.put("source", source);
    out.put("note", widget.note());
    try {
      QueryResult result = runner.run(connection, widget.sql());
      out.put("columns", result.columns());
      out.put("types", result.types());
      out.put("rows", result.rows());
      out.put("truncated", result.truncated());
    } catch (SQLException e) {
      out.put("error", e.getMessage());
    }
    out.put("refreshedAt", clock.instant().toString());
    return out;
  }
}
