package dev.paw.runtime.internal.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.internal.sync.JsonPaths;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.Location;
import dev.paw.spec.SqlNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a stream that maps none, inferred from its source's first page: one column per
 * top-level field of the records, in the order the fields first appear, typed by the values seen
 * ({@code integer}, {@code number}, {@code boolean}, {@code string}, {@code json} for objects and
 * arrays; untyped when they differ). Field names that are not SQL names are made into ones ({@code
 * first-name} → {@code first_name}). Held as plain maps ({@code name}, {@code from}, {@code type})
 * so a connection can store them.
 */
final class ColumnInference {

  private ColumnInference() {}

  /**
   * The records of a page as the sync finds them: at {@code recordsPath}, else the page itself when
   * it is an array, else its {@code data} field, else its first array field.
   *
   * @throws IllegalArgumentException when there are none to be found
   */
  static JsonNode records(JsonNode page, String recordsPath, String what) {
    JsonNode records = null;
    if (recordsPath != null) {
      records = JsonPaths.at(page, recordsPath);
    } else if (page.isArray()) {
      records = page;
    } else if (page.isObject()) {
      records = page.get("data");
      if (records == null || !records.isArray()) {
        records = null;
        for (Iterator<JsonNode> fields = page.elements(); fields.hasNext(); ) {
          JsonNode field = fields.next();
          if (field.isArray()) {
            records = field;
            break;
          }
        }
      }
    }
    if (records == null || !records.isArray()) {
      throw new IllegalArgumentException(
          what
              + ": its first page has no list of records"
              + (recordsPath == null
                  ? " at the top level (say where they are with records: field.path)"
                  : " at '" + recordsPath + "'"));
    }
    return records;
  }

  /** The columns of {@code records}, as stored maps. */
  static List<Map<String, Object>> infer(JsonNode records, String what) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (JsonNode record : records) {
      if (!record.isObject()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        ColumnType seen = typeOf(field.getValue());
        String name = field.getKey();
        if (!types.containsKey(name)) {
          types.put(name, seen); // null until a value says which type
        } else {
          ColumnType known = types.get(name);
          types.put(
              name,
              known == null ? seen : seen == null || known == seen ? known : merge(known, seen));
        }
      }
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    types.forEach(
        (field, type) -> {
          if (field.contains(".") || field.isEmpty()) {
            return; // a dotted name cannot be read as a path; the file can map it with \\.
          }
          String name = columnName(field, taken);
          Map<String, Object> column = new LinkedHashMap<>();
          column.put("name", name);
          column.put("from", field);
          column.put("type", (type == null ? ColumnType.ANY : type).wireName());
          columns.add(column);
        });
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          what + ": its first page has no records to infer columns from (add a mapping)");
    }
    return columns;
  }

  /** Stored maps as the columns of a stream. */
  static List<ColumnSpec> columns(List<?> stored, Location location) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Object each : stored) {
      Map<?, ?> column = (Map<?, ?>) each;
      columns.add(
          new ColumnSpec(
              location,
              (String) column.get("name"),
              (String) column.get("from"),
              ColumnType.valueOf(((String) column.get("type")).toUpperCase(Locale.ROOT))));
    }
    return columns;
  }

  private static ColumnType typeOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return ColumnType.INTEGER;
    }
    if (value.isNumber()) {
      return ColumnType.NUMBER;
    }
    if (value.isBoolean()) {
      return ColumnType.BOOLEAN;
    }
    if (value.isTextual()) {
      return ColumnType.STRING;
    }
    return ColumnType.JSON;
  }

  private static ColumnType merge(ColumnType a, ColumnType b) {
    boolean numbers =
        (a == ColumnType.INTEGER || a == ColumnType.NUMBER)
            && (b == ColumnType.INTEGER || b == ColumnType.NUMBER);
    return numbers ? ColumnType.NUMBER : ColumnType.ANY;
  }

  private static String columnName(String field, Set<String> taken) {
    StringBuilder name = new StringBuilder();
    for (char c : field.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    String base = name.toString();
    if (base.isEmpty() || Character.isDigit(base.charAt(0)) || SqlNames.problem(base) != null) {
      base = "f_" + base;
    }
    if (base.length() > 60) {
      base = base.substring(0, 60);
    }
    String unique = base;
    for (int i = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); i++) {
      unique = base + "_" + i;
    }
    return unique;
  }
}
