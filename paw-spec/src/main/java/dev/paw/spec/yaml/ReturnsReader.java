package dev.paw.spec.yaml;

import dev.paw.spec.ColumnSpec;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an action's {@code returns}: the fields of its answer that generated code gives a record of
 * their own, in the form of a stream's mapping ({@code available: {from: available.0.amount, type:
 * integer}}). Whether the fields can be read in one pass over the answer is for the linker ({@code
 * ReturnsLinker}) to decide.
 */
final class ReturnsReader {

  static final String KEY = "returns";

  private final ColumnReader columns;

  ReturnsReader(YamlReader reader) {
    this.columns = new ColumnReader(reader);
  }

  /** The declared fields of {@code action}'s answer, in file order; empty when it declares none. */
  List<ColumnSpec> read(Node node, String action) {
    return columns.read(node, KEY, "action '" + action + "'");
  }
}
