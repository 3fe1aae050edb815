package dev.paw.dashboard.widget;

import dev.paw.spec.Location;
import dev.paw.spec.diagnostic.Diagnostic;
import dev.paw.spec.diagnostic.Severity;
import dev.paw.spec.yaml.YamlComposer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A pocket's widget file, {@code widgets.yaml} in the pocket directory:
 *
 * <pre>
 * defaults: true          # also show the default widgets (the default)
 * widgets:
 *   - title: Open invoices
 *     kind: number        # number, table, bar, line or list
 *     sql: SELECT count(*) FROM stripe_invoices WHERE status = 'open'
 * </pre>
 *
 * Reading reports every problem as {@code path:line:col: message}, as connector files do.
 */
public final class WidgetFile {

  /** The file's name in a pocket directory. */
  public static final String NAME = "widgets.yaml";

  private static final Set<String> TOP_KEYS = Set.of("defaults", "widgets");
  private static final Set<String> WIDGET_KEYS = Set.of("title", "kind", "sql");

  /**
   * What a widget file declares: its widgets (those without problems), whether the default widgets
   * show too, and every problem found.
   */
  public record Contents(List<Widget> widgets, boolean defaults, List<Diagnostic> problems) {
    /** An absent file: no widgets of its own, the defaults. */
    public static final Contents NONE = new Contents(List.of(), true, List.of());
  }

  private final String path;
  private final List<Diagnostic> problems = new ArrayList<>();

  private WidgetFile(String path) {
    this.path = path;
  }

  /** Reads {@code file}; an absent file declares nothing. */
  public static Contents read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Contents.NONE;
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Reads widget file text; {@code path} names it in problems. */
  public static Contents parse(String text, String path) {
    return new WidgetFile(path).contents(text);
  }

  /** Writes {@code widgets} to {@code file} whole (a temporary file moved into place). */
  public static void write(Path file, List<Widget> widgets, boolean defaults) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# The widgets of this pocket's page (paw serve); see docs/dashboard.md.\n");
    out.append("defaults: ").append(defaults).append('\n');
    out.append("widgets:").append(widgets.isEmpty() ? " []\n" : "\n");
    for (Widget widget : widgets) {
      out.append("  - title: ").append(quoted(widget.title())).append('\n');
      out.append("    kind: ").append(widget.kind().wireName()).append('\n');
      out.append("    sql: |-\n");
      for (String line : widget.sql().strip().split("\\R")) {
        out.append("      ").append(line.stripTrailing()).append('\n');
      }
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, out, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String quoted(String text) {
    return "\""
        + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
        + "\"";
  }

  private Contents contents(String text) {
    YamlComposer.Result composed = YamlComposer.compose(text, path);
    if (composed.syntaxError() != null) {
      return new Contents(List.of(), true, List.of(composed.syntaxError()));
    }
    Node root = composed.root();
    if (root == null) {
      return Contents.NONE;
    }
    if (!(root instanceof MappingNode mapping)) {
      error(root, "a widget file is a mapping with 'widgets:' (a list of widgets)");
      return new Contents(List.of(), true, problems);
    }
    boolean defaults = true;
    List<Widget> widgets = new ArrayList<>();
    for (NodeTuple entry : mapping.getValue()) {
      String key = scalar(entry.getKeyNode(), "a key");
      if (key == null) {
        continue;
      }
      Node value = entry.getValueNode();
      switch (key) {
        case "defaults" -> defaults = !"false".equals(scalar(value, "'defaults' (true or false)"));
        case "widgets" -> widgets.addAll(widgets(value));
        default -> unknown(entry.getKeyNode(), key, TOP_KEYS);
      }
    }
    return new Contents(List.copyOf(widgets), defaults, List.copyOf(problems));
  }

  private List<Widget> widgets(Node node) {
    List<Widget> widgets = new ArrayList<>();
    if (node instanceof ScalarNode scalar && scalar.getValue().equals("[]")) {
      return widgets;
    }
    if (!(node instanceof SequenceNode sequence)) {
      error(node, "'widgets' is a list of widgets (- title: ..., kind: ..., sql: ...)");
      return widgets;
    }
    Set<String> titles = new HashSet<>();
    for (Node item : sequence.getValue()) {
      Widget widget = widget(item);
      if (widget != null && !titles.add(widget.title())) {
        error(item, "two widgets are titled '" + widget.title() + "'; titles name widgets");
      } else if (widget != null) {
        widgets.add(widget);
      }
    }
    return widgets;
  }

  private Widget widget(Node node) {
    if (!(node instanceof MappingNode mapping)) {
      error(node, "a widget is a mapping with title, kind and sql");
      return null;
    }
    String title = null;
    WidgetKind kind = null;
    String sql = null;
    int before = problems.size();
    for (NodeTuple entry : mapping.getValue()) {
      String key = scalar(entry.getKeyNode(), "a key");
      Node value = entry.getValueNode();
      if (key == null) {
        continue;
      }
      switch (key) {
        case "title" -> title = nonBlank(value, "'title'");
        case "kind" -> kind = kind(value);
        case "sql" -> sql = query(value);
        default -> unknown(entry.getKeyNode(), key, WIDGET_KEYS);
      }
    }
    for (String required : List.of("title", "kind", "sql")) {
      boolean present =
          mapping.getValue().stream()
              .anyMatch(
                  t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(required));
      if (!present) {
        error(node, "a widget needs '" + required + "'");
      }
    }
    return problems.size() == before ? new Widget(title, kind, sql) : null;
  }

  private WidgetKind kind(Node node) {
    String text = scalar(node, "'kind'");
    if (text == null) {
      return null;
    }
    return WidgetKind.parse(text)
        .orElseGet(
            () -> {
              error(node, "unknown kind '" + text + "'; kinds: " + WidgetKind.spellings());
              return null;
            });
  }

  private String query(Node node) {
    String sql = nonBlank(node, "'sql'");
    String problem = sql == null ? null : Widget.sqlProblem(sql);
    if (problem != null) {
      error(node, problem);
      return null;
    }
    return sql;
  }

  private String nonBlank(Node node, String what) {
    String text = scalar(node, what);
    if (text != null && text.isBlank()) {
      error(node, what + " is empty");
      return null;
    }
    return text;
  }

  private String scalar(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    error(node, what + " is a single value, not a list or mapping");
    return null;
  }

  private void unknown(Node keyNode, String key, Set<String> known) {
    error(
        keyNode,
        "unknown key '"
            + key
            + "'; known keys: "
            + String.join(", ", known.stream().sorted().toList()));
  }

  private void error(Node node, String message) {
    Location where =
        Location.file(path)
            .at(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    problems.add(new Diagnostic(Severity.ERROR, where, message));
  }
}
