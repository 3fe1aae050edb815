package dev.paw.spec.yaml;

import dev.paw.spec.Location;
import dev.paw.spec.diagnostic.Diagnostic;
import dev.paw.spec.diagnostic.Severity;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes YAML text into a node tree that keeps every element's line and column, within bounds
 * that stop hostile files (alias bombs, deep nesting, huge inputs) before they cost memory or time.
 */
public final class YamlComposer {

  /** Connector files are a few kilobytes; a megabyte is far beyond any real one. */
  public static final int MAX_CODE_POINTS = 1024 * 1024;

  /** Deeper than any connector's structure plus a generous object default. */
  public static final int MAX_NESTING_DEPTH = 64;

  /**
   * Aliases of lists and mappings; with {@link YamlReader}'s node budget this bounds alias
   * expansion.
   */
  public static final int MAX_COLLECTION_ALIASES = 32;

  private YamlComposer() {}

  /** The composed document, or the one syntax error that stopped it. */
  public record Result(Node root, Diagnostic syntaxError) {}

  /** Composes {@code text}; a {@code null} root with no error means the document is empty. */
  public static Result compose(String text, String path) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    Location file = Location.file(path);
    try {
      Node root = new Yaml(options).compose(new StringReader(text));
      return new Result(root, null);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Location where =
          mark == null ? file.at(1, 1) : file.at(mark.getLine() + 1, mark.getColumn() + 1);
      return new Result(
          null,
          new Diagnostic(
              Severity.ERROR, where, "YAML syntax error: " + YamlSyntaxMessages.describe(e)));
    } catch (IllegalArgumentException e) {
      // SnakeYAML's composer refuses some tags the parser let through ("!%1"), without a location:
      // find the tag
      return new Result(null, invalidTag(text, options, file, e));
    } catch (YAMLException e) {
      // SnakeYAML stops at a bound (aliases, nesting) without a location: find where the document
      // breaks it.
      Diagnostic breach = YamlBounds.firstBreach(text, file);
      return new Result(
          null,
          breach != null
              ? breach
              : new Diagnostic(
                  Severity.ERROR, file.at(1, 1), "YAML error: " + firstLine(e.getMessage())));
    }
  }

  /** The diagnostic at the first tag SnakeYAML cannot make a {@link Tag} of. */
  private static Diagnostic invalidTag(
      String text, LoaderOptions options, Location file, IllegalArgumentException e) {
    for (Event event : new Yaml(options).parse(new StringReader(text))) {
      String tag = event instanceof NodeEvent node ? tagOf(node) : null;
      if (tag == null || tag.equals("!")) {
        continue;
      }
      try {
        new Tag(tag);
      } catch (IllegalArgumentException invalid) {
        Mark mark = event.getStartMark();
        return new Diagnostic(
            Severity.ERROR,
            file.at(mark.getLine() + 1, mark.getColumn() + 1),
            "YAML syntax error: invalid tag '" + tag + "': " + firstLine(invalid.getMessage()));
      }
    }
    return new Diagnostic(
        Severity.ERROR, file.at(1, 1), "YAML error: " + firstLine(e.getMessage()));
  }

  private static String tagOf(NodeEvent event) {
    if (event instanceof ScalarEvent scalar) {
      return scalar.getTag();
    }
    return event instanceof CollectionStartEvent collection ? collection.getTag() : null;
  }

  private static String firstLine(String message) {
    String text = message == null ? "unreadable document" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
