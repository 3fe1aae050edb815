package dev.paw.runtime.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source data of the reliability tests: numbered records with every column type (strings with
 * quotes and non-ASCII, integers, exact binary fractions, booleans, JSON, nulls), the connector
 * that syncs them into table {@code records}, and an exact comparison of a pocket's table with the
 * source.
 */
public final class Records {

  /**
   * The connector that syncs {@link RecordsApi} pages into table {@code records}, keyed by {@code
   * id}.
   */
  public static final String CONNECTOR =
      """
      name: records
      display_name: Records API (reliability tests)
      base_url: https://records.example/v1
      auth:
        method: api_key
        in: header
        name: X-Api-Key
        credentials:
          - { name: RECORDS_KEY, required: true }
      actions:
        - name: list_records
          url: /records
          params:
            limit: { type: integer, default: %d }
          trust_level: auto
          records: data
          pagination: { style: cursor, param: after, from: id, has_more: has_more }
      sync:
        table: records
        source: list_records
        primary_key: id
        write_mode: %s
        mapping:
          id: { from: id, type: string }
          n: { from: n, type: integer }
          name: { from: name, type: string }
          amount: { from: amount, type: number }
          active: { from: active, type: boolean }
          tags: { from: tags, type: json }
          note: { from: note, type: string }
      """;

  private Records() {}

  /** The connector file, with pages of {@code pageSize} records, merging. */
  public static String connector(int pageSize) {
    return connector(pageSize, "merge");
  }

  public static String connector(int pageSize, String writeMode) {
    return CONNECTOR.formatted(pageSize, writeMode);
  }

  public static String id(int i) {
    return String.format("rec_%06d", i);
  }

  /** Records 1 to {@code count} as JSON objects, sorted by id. */
  public static List<String> generate(int count) {
    List<String> records = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      records.add(json(i));
    }
    return records;
  }

  /** Record {@code i} as the API sends it. */
  public static String json(int i) {
    Row row = row(i);
    return "{\"id\":\""
        + row.id
        + "\",\"object\":\"record\",\"n\":"
        + row.n
        + ",\"name\":\""
        + row.name.replace("\"", "\\\"")
        + "\",\"amount\":"
        + row.amount
        + ",\"active\":"
        + row.active
        + ",\"tags\":"
        + row.tags
        + ",\"note\":"
        + (row.note == null ? "null" : "\"" + row.note + "\"")
        + ",\"ignored\":{\"x\":["
        + i
        + "]}}";
  }

  /** Record {@code i} as it must be in the table. */
  public static Row row(int i) {
    return new Row(
        id(i),
        i,
        "名前 " + i + " ✓ \"q\"",
        i / 4.0,
        i % 3 == 0,
        "[\"t" + (i % 7) + "\",{\"k\":" + i + "}]",
        i % 5 == 0 ? null : "note " + i);
  }

  /** The id of a record's JSON text. */
  static String idOf(String json) {
    int start = json.indexOf("\"id\":\"") + 6;
    return json.substring(start, json.indexOf('"', start));
  }

  /** One row of table {@code records}. */
  public record Row(
      String id, long n, String name, double amount, boolean active, String tags, String note) {}

  /** The rows of table {@code records} in {@code pocketDb}, by id. */
  public static Map<String, List<Row>> table(Path pocketDb) throws SQLException {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + pocketDb);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, n, name, amount, active, tags, note FROM records ORDER BY id")) {
      while (rs.next()) {
        Row row =
            new Row(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getInt(5) == 1,
                rs.getString(6),
                rs.getString(7));
        rows.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
      }
    }
    return rows;
  }

  /** How a table differs from records 1 to {@code count}. */
  public record Difference(
      List<String> lost, List<String> duplicated, List<String> unexpected, List<String> wrong) {
    public boolean none() {
      return lost.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty() && wrong.isEmpty();
    }

    @Override
    public String toString() {
      return lost.size()
          + " lost "
          + first(lost)
          + ", "
          + duplicated.size()
          + " duplicated "
          + first(duplicated)
          + ", "
          + unexpected.size()
          + " not in the source "
          + first(unexpected)
          + ", "
          + wrong.size()
          + " with other values "
          + first(wrong);
    }

    private static List<String> first(List<String> ids) {
      return ids.subList(0, Math.min(5, ids.size()));
    }
  }

  /** Compares table {@code records} with records 1 to {@code count}: ids and every value. */
  public static Difference compare(Path pocketDb, int count) throws SQLException {
    Map<String, Row> expected = new java.util.LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      expected.put(id(i), row(i));
    }
    return compare(pocketDb, expected);
  }

  /** Compares table {@code records} with {@code expected} rows by id: ids and every value. */
  public static Difference compare(Path pocketDb, Map<String, Row> expected) throws SQLException {
    Map<String, List<Row>> table = table(pocketDb);
    List<String> lost = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String id : expected.keySet()) {
      List<Row> found = table.get(id);
      if (found == null) {
        lost.add(id);
      } else if (found.size() > 1) {
        duplicated.add(id);
      } else if (!Objects.equals(found.get(0), expected.get(id))) {
        wrong.add(id + "=" + found.get(0));
      }
    }
    for (String id : table.keySet()) {
      if (!expected.containsKey(id)) {
        unexpected.add(id);
      }
    }
    return new Difference(lost, duplicated, unexpected, wrong);
  }

  /** {@code PRAGMA integrity_check} of the database: "ok", or what is wrong. */
  public static String integrity(Path pocketDb) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + pocketDb);
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      List<String> lines = new ArrayList<>();
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
      return String.join("; ", lines);
    }
  }
}
