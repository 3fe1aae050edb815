package dev.paw.spec.yaml;

import dev.paw.spec.ColumnSpec;
import dev.paw.spec.FieldTree;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an action's {@code returns}: the fields of its answer that generated code gives a record of their own, in
 * the form of a stream's mapping ({@code available: {from: available.0.amount, type: integer}}).
 */
final class ReturnsReader {

  static final String KEY = "returns";

  private final YamlReader reader;
  private final ColumnReader columns;

  ReturnsReader(YamlReader reader) {
    this.reader = reader;
    this.columns = new ColumnReader(reader);
  }

  /**
   * The declared fields of {@code action}'s answer, in file order; empty when it declares none. Fields that cannot
   * be read in one pass over the answer (one read whole and another inside it) are errors.
   */
  List<ColumnSpec> read(Node node, String action) {
    String what = "action '" + action + "'";
    List<ColumnSpec> fields = columns.read(node, KEY, what);
    for (String conflict : FieldTree.of(fields).conflicts()) {
      reader.error(node, "'" + KEY + "' of " + what + ": " + conflict);
    }
    return fields;
  }
}
