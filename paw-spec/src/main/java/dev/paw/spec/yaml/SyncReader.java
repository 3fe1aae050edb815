package dev.paw.spec.yaml;

import dev.paw.spec.ColumnSpec;
import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.Schedule;
import dev.paw.spec.SqlNames;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.WriteMode;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadChanges;
import dev.paw.spec.read.ReadChildRequest;
import dev.paw.spec.read.ReadStream;
import dev.paw.spec.read.Reference;
import dev.paw.spec.read.WrittenParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code sync}: one stream (a mapping, as PocketPaw writes it) or several (a list).
 * PocketPaw's {@code table: null} means the connector syncs nothing. The source action, the
 * parameters for it, the primary key and {@code each} are kept as written, with their locations,
 * for the linker to resolve.
 */
final class SyncReader {

  static final List<String> KEYS =
      List.of(
          "table",
          "schedule",
          "mapping",
          "source",
          "params",
          "records",
          "primary_key",
          "incremental",
          "write_mode",
          "max_pages",
          "each",
          "changes",
          "full_refresh",
          "delete_when");
  static final List<String> INCREMENTAL_KEYS = IncrementalReader.KEYS;
  static final List<String> EACH_KEYS = List.of("action", "params");
  private static final List<String> WRITE_MODES =
      Arrays.stream(WriteMode.values()).map(WriteMode::wireName).toList();

  private final YamlReader reader;
  private final ColumnReader columns;
  private final IncrementalReader incremental;
  private final ScheduleReader schedules;
  private final StreamSourceReader sources;

  SyncReader(YamlReader reader) {
    this.reader = reader;
    this.columns = new ColumnReader(reader);
    this.incremental = new IncrementalReader(reader);
    this.schedules = new ScheduleReader(reader);
    this.sources = new StreamSourceReader(reader);
  }

  /**
   * Every stream read, in file order; those that go no further ({@code table: null}, a repeat) are
   * not kept.
   */
  List<ReadStream> read(Node node) {
    List<ReadStream> streams = new ArrayList<>();
    if (node == null || reader.isNull(node)) {
      return streams;
    }
    List<Node> items;
    if (node instanceof MappingNode) {
      items = List.of(node);
    } else if (node instanceof SequenceNode sequence) {
      items = sequence.getValue();
    } else {
      reader.error(
          node,
          "'sync' must be a mapping (one stream) or a list of streams, not "
              + reader.describe(node));
      return streams;
    }
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (Node item : items) {
      index++;
      String label = items.size() == 1 ? "sync" : "sync stream #" + index;
      YamlMapping s = reader.mapping(item, label, "in " + label);
      if (s == null) {
        continue;
      }
      ReadStream read = stream(s, label);
      if (read == null) {
        continue;
      }
      if (read.kept() && repeats(read.stream(), s.value("table"), seen)) {
        read = read.notKept();
      }
      streams.add(read);
    }
    return streams;
  }

  /** Whether the stream's table is synced already (reported); SQLite names ignore case. */
  private boolean repeats(StreamSpec stream, Node tableNode, Map<String, Integer> seen) {
    Integer firstLine =
        seen.putIfAbsent(stream.table().toLowerCase(Locale.ROOT), stream.location().line());
    if (firstLine != null) {
      reader.error(
          tableNode,
          "duplicate sync table '" + stream.table() + "' (first synced at line " + firstLine + ")");
    }
    return firstLine != null;
  }

  private ReadStream stream(YamlMapping s, String label) {
    if (!s.has("table")) {
      s.checkKeys(KEYS);
      reader.error(
          s.node(),
          label + " has no 'table' (write 'table: null' for a connector that syncs nothing)");
      return null;
    }
    if (s.present("table") == null) {
      // PocketPaw's 'table: null': nothing syncs, but what the stream says must still make sense.
      s.checkKeys(KEYS);
      return settings(s, null, label);
    }
    String table = reader.string(s.value("table"), "'table' of " + label);
    if (table == null) {
      s.checkKeys(KEYS);
      return null;
    }
    String what = "sync stream '" + table + "'";
    s = s.withContext("in " + what);
    s.checkKeys(KEYS);
    String problem = SqlNames.problem(table);
    if (problem != null) {
      reader.error(s.value("table"), "table name '" + table + "' " + problem);
      return null;
    }
    return settings(s, table, what);
  }

  /**
   * Reads everything of a stream but its table name; a stream without one ({@code table: null}) is
   * not kept.
   */
  private ReadStream settings(YamlMapping s, String table, String what) {
    Schedule schedule = schedules.read(s, what);
    List<ColumnSpec> mapped = columns.read(s.present("mapping"), what);
    String sourceName =
        s.present("source") == null
            ? null
            : reader.string(s.value("source"), "'source' of " + what);
    Reference source =
        sourceName == null ? null : new Reference(sourceName, reader.location(s.value("source")));
    List<WrittenParam> params = sources.params(s, what);
    String records = s.fieldPath("records", what);
    List<Reference> primaryKey = sources.primaryKey(s, what);
    IncrementalSpec cursor = incremental.read(s, what);
    WriteMode writeMode = writeMode(s, what);
    ReadChanges changes = new ChangesReader(reader).read(s, what);
    Schedule fullRefresh = FreshnessChecks.fullRefresh(reader, s, what);
    FreshnessChecks.check(reader, s, what, cursor, writeMode);
    if (cursor != null && writeMode == WriteMode.REPLACE) {
      reader.error(
          s.value("write_mode"),
          what
              + " is incremental, so a run fetches only new records and"
              + " 'write_mode: replace' would delete all the others; use merge or append");
    }
    Integer maxPages = null;
    if (s.present("max_pages") != null) {
      Long value = reader.integer(s.value("max_pages"), "'max_pages' of " + what);
      if (value != null && (value < 1 || value > Integer.MAX_VALUE)) {
        reader.error(
            s.value("max_pages"), "'max_pages' of " + what + " must be at least 1, not " + value);
      } else if (value != null) {
        maxPages = value.intValue();
      }
    }
    ReadChildRequest each =
        s.present("each") == null
            ? null
            : new ChildRequestReader(reader).read(s.value("each"), what);
    Map<String, Object> values = new LinkedHashMap<>();
    params.forEach(p -> values.put(p.name(), p.value()));
    StreamSpec stream =
        new StreamSpec(
            reader.location(s.value("table")),
            table,
            schedule,
            sourceName,
            values,
            records,
            mapped,
            primaryKey.stream().map(Reference::name).toList(),
            cursor,
            writeMode,
            maxPages,
            null,
            changes == null ? null : changes.changes(),
            fullRefresh,
            FreshnessChecks.deleteWhen(reader, s, what, mapped));
    return new ReadStream(stream, table != null, what, source, params, primaryKey, each, changes);
  }

  private WriteMode writeMode(YamlMapping s, String what) {
    Node node = s.present("write_mode");
    if (node == null) {
      return WriteMode.MERGE;
    }
    String text = reader.string(node, "'write_mode' of " + what);
    if (text == null) {
      return WriteMode.MERGE;
    }
    if (!WRITE_MODES.contains(text)) {
      reader.error(
          node,
          "unknown write_mode '"
              + text
              + "' of "
              + what
              + Wording.hintOrList(text, WRITE_MODES, WRITE_MODES));
      return WriteMode.MERGE;
    }
    return WriteMode.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
