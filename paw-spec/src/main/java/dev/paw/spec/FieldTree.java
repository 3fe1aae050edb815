package dev.paw.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fields a sync stream reads from each API record, as a tree of field names: the columns' paths
 * plus the paging and incremental cursor fields. With {@code each}, the record is the child's
 * response, and the paging cursor is read from the listed records instead. A streaming mapper walks
 * a record once along it; generated mappers unroll it into code, the runtime interprets it, so both
 * read exactly the same fields.
 */
public final class FieldTree {

  /** Slot of the paging cursor value ({@code pagination.from} of a {@code cursor}-paged source). */
  public static final int PAGE_CURSOR = 0;

  /** Slot of the incremental cursor value ({@code incremental.cursor}). */
  public static final int INCREMENTAL_CURSOR = 1;

  /** One field name: either a leaf that columns and slots read, or an object to descend into. */
  public static final class Node {
    private final String path;
    private final Map<String, Node> children = new LinkedHashMap<>();
    private final List<Integer> columns = new ArrayList<>();
    private final List<Integer> slots = new ArrayList<>();

    Node(String path) {
      this.path = path;
    }

    /** The dotted path from the record to here. */
    public String path() {
      return path;
    }

    public Map<String, Node> children() {
      return Collections.unmodifiableMap(children);
    }

    /** Indexes (column order) of the columns that read this field. */
    public List<Integer> columns() {
      return Collections.unmodifiableList(columns);
    }

    /** The context slots that take this field's value. */
    public List<Integer> slots() {
      return Collections.unmodifiableList(slots);
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  private final Node root = new Node("");
  private final List<String> conflicts = new ArrayList<>();

  private FieldTree() {}

  /** The tree of what {@code stream} reads from each record of its source in {@code connector}. */
  public static FieldTree of(ConnectorSpec connector, StreamSpec stream) {
    FieldTree tree = new FieldTree();
    for (int i = 0; i < stream.columns().size(); i++) {
      tree.add(stream.columns().get(i).from(), i, -1);
    }
    String pageCursor = pageCursorPath(connector, stream);
    if (pageCursor != null && stream.each() == null) {
      tree.add(pageCursor, -1, PAGE_CURSOR);
    }
    if (stream.incremental() != null && stream.incremental().cursor() != null) {
      tree.add(stream.incremental().cursor(), -1, INCREMENTAL_CURSOR);
    }
    tree.checkTypes(stream.columns());
    return tree;
  }

  /**
   * The record field whose last value is the next page's cursor, when the source pages by cursor.
   */
  public static String pageCursorPath(ConnectorSpec connector, StreamSpec stream) {
    if (stream.source() == null) {
      return null;
    }
    return connector
        .action(stream.source())
        .map(ActionSpec::pagination)
        .filter(p -> p.style() == PaginationStyle.CURSOR)
        .map(PaginationSpec::from)
        .orElse(null);
  }

  public Node root() {
    return root;
  }

  /**
   * Paths that cannot be read in one pass: a field read whole that another column reads inside, or
   * mixed types.
   */
  public List<String> conflicts() {
    return Collections.unmodifiableList(conflicts);
  }

  private void add(String path, int column, int slot) {
    Node node = root;
    StringBuilder walked = new StringBuilder();
    for (String segment : FieldPath.segments(path)) {
      if (walked.length() > 0) {
        walked.append('.');
      }
      walked.append(segment.replace(".", "\\."));
      if (!node.columns.isEmpty() || !node.slots.isEmpty()) {
        conflicts.add("'" + path + "' reads inside '" + node.path + "', which is also read whole");
        return;
      }
      String at = walked.toString();
      node = node.children.computeIfAbsent(segment, s -> new Node(at));
    }
    if (!node.children.isEmpty()) {
      conflicts.add("'" + path + "' is read whole, but other fields are read inside it");
      return;
    }
    if (column >= 0) {
      node.columns.add(column);
    } else {
      node.slots.add(slot);
    }
  }

  /** The tree of what an action's declared answer fields ({@code returns}) read from its answer. */
  public static FieldTree of(List<ColumnSpec> fields) {
    FieldTree tree = new FieldTree();
    for (int i = 0; i < fields.size(); i++) {
      tree.add(fields.get(i).from(), i, -1);
    }
    tree.checkTypes(fields);
    return tree;
  }

  private void checkTypes(List<ColumnSpec> columns) {
    walk(
        root,
        node -> {
          long types = node.columns.stream().map(i -> columns.get(i).type()).distinct().count();
          if (types > 1) {
            conflicts.add("'" + node.path + "' is read by columns of different types");
          }
        });
  }

  private static void walk(Node node, Consumer<Node> visitor) {
    visitor.accept(node);
    node.children.values().forEach(child -> walk(child, visitor));
  }
}
