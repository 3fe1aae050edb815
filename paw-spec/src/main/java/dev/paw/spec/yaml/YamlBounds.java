package dev.paw.spec.yaml;

import dev.paw.spec.Location;
import dev.paw.spec.diagnostic.Diagnostic;
import dev.paw.spec.diagnostic.Severity;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Finds where a document breaks one of {@link YamlComposer}'s bounds. SnakeYAML stops at the bound
 * without saying where; this walks the parser's events (cheap: no nodes are built, no alias is
 * expanded) to name the place.
 */
final class YamlBounds {

  private YamlBounds() {}

  /**
   * The bound {@code text} breaks first, as a diagnostic at the place it breaks it, or {@code
   * null}.
   */
  static Diagnostic firstBreach(String text, Location file) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(YamlComposer.MAX_CODE_POINTS);
    Set<String> collectionAnchors = new HashSet<>();
    int depth = 0;
    int collectionAliases = 0;
    try {
      for (Event event : new Yaml(options).parse(new StringReader(text))) {
        if (event instanceof AliasEvent alias) {
          if (collectionAnchors.contains(alias.getAnchor())
              && ++collectionAliases > YamlComposer.MAX_COLLECTION_ALIASES) {
            return error(
                file,
                event.getStartMark(),
                "the file uses more than "
                    + YamlComposer.MAX_COLLECTION_ALIASES
                    + " aliases of lists or mappings, which could expand without bound (an alias bomb?); refusing to read"
                    + " it");
          }
        } else if (event instanceof NodeEvent node) {
          if (depth + 1 > YamlComposer.MAX_NESTING_DEPTH) {
            return error(
                file,
                event.getStartMark(),
                "the file nests lists and mappings more than "
                    + YamlComposer.MAX_NESTING_DEPTH
                    + " levels deep; refusing to read it");
          }
          String anchor = node.getAnchor();
          if (anchor != null && event instanceof ScalarEvent) {
            collectionAnchors.remove(anchor);
          } else if (anchor != null) {
            collectionAnchors.add(anchor);
          }
          if (event instanceof CollectionStartEvent) {
            depth++;
          }
        } else if (event instanceof CollectionEndEvent) {
          depth--;
        }
      }
    } catch (YAMLException e) {
      return null;
    }
    return null;
  }

  private static Diagnostic error(Location file, Mark mark, String message) {
    return new Diagnostic(
        Severity.ERROR, file.at(mark.getLine() + 1, mark.getColumn() + 1), message);
  }
}
