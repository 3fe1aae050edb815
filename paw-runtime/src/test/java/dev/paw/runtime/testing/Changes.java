package dev.paw.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A script of change events over {@link Records} for the change-feed tests: event {@code k} creates
 * a record, updates one (a new {@code n}) or deletes one, as {@link RecordsApi#events} serves them,
 * and the table that applying the first {@code k} of them to records 1 to {@code n} must give.
 */
public final class Changes {

  /**
   * The records connector with a change feed: after the first full listing, runs read {@code GET
   * /v1/events} from the highest {@code created} on, oldest first.
   */
  public static final String CONNECTOR =
      """
      name: records
      display_name: Records API with a change feed (reliability tests)
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
            limit: { type: integer, default: %1$d }
          trust_level: auto
          records: data
          pagination: { style: cursor, param: after, from: id, has_more: has_more }
        - name: list_events
          url: /events
          params:
            limit: { type: integer, default: %1$d }
          trust_level: auto
          records: data
          pagination: { style: cursor, param: after, from: id, has_more: has_more }
      sync:
        table: records
        source: list_records
        primary_key: id
        changes:
          source: list_events
          type: type
          object: data.object
          upsert: [record.created, record.updated]
          delete: [record.deleted]
          cursor: created
          param: since
        mapping:
          id: { from: id, type: string }
          n: { from: n, type: integer }
          name: { from: name, type: string }
          amount: { from: amount, type: number }
          active: { from: active, type: boolean }
          tags: { from: tags, type: json }
          note: { from: note, type: string }
      """;

  private final int records;
  private final long firstCreated;

  /**
   * @param records the records the source starts with (1 to {@code records})
   * @param firstCreated the {@code created} of the first event: at or after the time the first full
   *     listing started, in Unix seconds
   */
  public Changes(int records, long firstCreated) {
    this.records = records;
    this.firstCreated = firstCreated;
  }

  public static String connector(int pageSize) {
    return CONNECTOR.formatted(pageSize);
  }

  private String type(int k) {
    return switch (k % 5) {
      case 0 -> "record.deleted";
      case 1 -> "record.created";
      default -> "record.updated";
    };
  }

  private int target(int k) {
    return switch (k % 5) {
      case 0 -> (k * 7) % records + 1;
      case 1 -> records + k;
      default -> (k * 13) % records + 1;
    };
  }

  /** Events 1 to {@code count}, sorted by id; several share a second, as real events do. */
  public List<String> events(int count) {
    List<String> events = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      int i = target(k);
      String object =
          type(k).equals("record.updated")
              ? Records.json(i).replace("\"n\":" + i + ",", "\"n\":" + (1_000_000 + k) + ",")
              : Records.json(i);
      events.add(
          String.format(
              "{\"id\":\"evt_%06d\",\"object\":\"event\",\"type\":\"%s\",\"created\":%d,"
                  + "\"data\":{\"object\":%s}}",
              k, type(k), firstCreated + k / 3, object));
    }
    return events;
  }

  /** The table after events 1 to {@code applied}, by id. */
  public Map<String, Records.Row> expected(int applied) {
    Map<String, Records.Row> rows = new TreeMap<>();
    for (int i = 1; i <= records; i++) {
      rows.put(Records.id(i), Records.row(i));
    }
    for (int k = 1; k <= applied; k++) {
      int i = target(k);
      Records.Row row = Records.row(i);
      switch (type(k)) {
        case "record.deleted" -> rows.remove(row.id());
        case "record.created" -> rows.put(row.id(), row);
        default ->
            rows.put(
                row.id(),
                new Records.Row(
                    row.id(),
                    1_000_000 + k,
                    row.name(),
                    row.amount(),
                    row.active(),
                    row.tags(),
                    row.note()));
      }
    }
    return rows;
  }
}
