package dev.paw.kafka.connect.internal;

import dev.paw.runtime.internal.sync.PageReader.Checkpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stream's checkpoint as a Connect source partition and offset. The partition names the connector
 * and the stream's table; the offset holds the checkpoint's parts, each left out when it has none:
 * {@code cursor} (the last complete run's cursor or sync token, JSON text), and while a run is
 * under way {@code floor}, {@code max}, {@code position} (where the next page starts, JSON text)
 * and {@code page} (its number). An offset without {@code position} is between runs, and says in
 * {@code ended} when the last run ended (epoch milliseconds), so that a restarted task waits out
 * the rest of the poll interval instead of listing everything again at once.
 */
public final class StreamOffsets {

  static final String CONNECTOR = "connector";
  static final String STREAM = "stream";
  private static final Set<String> KEYS =
      Set.of("cursor", "floor", "max", "position", "page", "ended");

  private StreamOffsets() {}

  public static Map<String, String> partition(String connector, String table) {
    return Map.of(CONNECTOR, connector, STREAM, table);
  }

  public static Map<String, Object> offset(Checkpoint checkpoint, long endedAtMs) {
    Map<String, Object> offset = new LinkedHashMap<>();
    put(offset, "cursor", checkpoint.cursor());
    if (!checkpoint.inRun() && endedAtMs > 0) {
      offset.put("ended", endedAtMs);
    }
    if (checkpoint.inRun()) {
      put(offset, "floor", checkpoint.floor());
      put(offset, "max", checkpoint.max());
      put(offset, "position", checkpoint.position());
      offset.put("page", (long) checkpoint.page());
    }
    return offset;
  }

  /**
   * The checkpoint an offset stands for; {@link Checkpoint#START} for none (never run, or reset
   * through the REST API).
   *
   * @throws IllegalArgumentException when the offset is not one this connector writes
   */
  public static Checkpoint checkpoint(Map<String, ?> offset) {
    if (offset == null || offset.isEmpty()) {
      return Checkpoint.START;
    }
    for (String key : offset.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown offset field '" + key + "'; a paw offset has " + String.join(", ", KEYS));
      }
    }
    String position = text(offset, "position");
    Object page = offset.get("page");
    if (position != null && !(page instanceof Number)) {
      throw new IllegalArgumentException("an offset with a position needs its page number");
    }
    try {
      return new Checkpoint(
          text(offset, "cursor"),
          position == null ? null : text(offset, "floor"),
          position == null ? null : text(offset, "max"),
          position,
          position == null ? 1 : Math.toIntExact(((Number) page).longValue()));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) { // unreadable JSON text in a field
      throw new IllegalArgumentException("unreadable paw offset " + offset + ": " + e.getMessage());
    }
  }

  /** When the last run ended (epoch milliseconds), or 0 when the offset does not say. */
  public static long endedAt(Map<String, ?> offset) {
    Object ended = offset == null ? null : offset.get("ended");
    if (ended != null && !(ended instanceof Number)) {
      throw new IllegalArgumentException("offset field 'ended' must be a number, not " + ended);
    }
    return ended == null ? 0 : ((Number) ended).longValue();
  }

  /**
   * Checks a partition and offset an operator gives through the REST API ({@code PATCH
   * /connectors/{name}/offsets}); a {@code null} offset resets the stream.
   */
  public static void checkAltered(Map<String, ?> partition, Map<String, ?> offset) {
    if (partition == null
        || !(partition.get(CONNECTOR) instanceof String)
        || !(partition.get(STREAM) instanceof String)
        || partition.size() != 2) {
      throw new IllegalArgumentException(
          "a paw source partition is {\"connector\": <name>, \"stream\": <table>}, not "
              + partition);
    }
    checkpoint(offset);
    endedAt(offset);
  }

  private static void put(Map<String, Object> offset, String key, String value) {
    if (value != null) {
      offset.put(key, value);
    }
  }

  private static String text(Map<String, ?> offset, String key) {
    Object value = offset.get(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("offset field '" + key + "' must be text, not " + value);
    }
    return (String) value;
  }
}
