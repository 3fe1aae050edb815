package dev.paw.kafka.connect.internal;

import dev.paw.runtime.internal.sync.PageReader;
import dev.paw.runtime.internal.sync.PageReader.Checkpoint;
import dev.paw.runtime.internal.sync.PageReader.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One stream of a task: its reader, schema and topic, the checkpoint after the last page it handed
 * over, and when its next page is due (at once inside a run; a poll interval after a run ended).
 */
public final class TaskStream implements AutoCloseable {

  private final String table;
  private final PageReader<Object[]> reader;
  private final StreamSchema schema;
  private final String topic;
  private final Map<String, String> partition;
  private final long pollIntervalMs;
  private Checkpoint checkpoint;
  private long dueAtMs;
  private long lastEndedAtMs;

  public TaskStream(
      String connector,
      String table,
      PageReader<Object[]> reader,
      StreamSchema schema,
      String topic,
      long pollIntervalMs,
      Checkpoint checkpoint,
      long lastEndedAtMs) {
    this.table = table;
    this.reader = reader;
    this.schema = schema;
    this.topic = topic;
    this.partition = StreamOffsets.partition(connector, table);
    this.pollIntervalMs = pollIntervalMs;
    this.checkpoint = checkpoint;
    this.lastEndedAtMs = lastEndedAtMs;
    this.dueAtMs = checkpoint.inRun() || lastEndedAtMs <= 0 ? 0 : lastEndedAtMs + pollIntervalMs;
  }

  public String table() {
    return table;
  }

  public Map<String, String> partition() {
    return partition;
  }

  public long dueAtMs() {
    return dueAtMs;
  }

  /** Waits {@code delayMs} before the next try (after a failure). */
  public void retryIn(long nowMs, long delayMs) {
    dueAtMs = nowMs + Math.min(delayMs, Math.max(pollIntervalMs, 1_000L));
  }

  /**
   * Reads the next page and turns it into records. Every record but the last carries the checkpoint
   * the page started from, the last one the checkpoint after it: without exactly-once a worker
   * commits the offset of the last record it has written in order, so a restart after part of a
   * page reads that page again (duplicates, never a loss); with exactly-once the page is one
   * transaction and commits whole. A row a change feed deletes becomes a tombstone (its key, a
   * {@code null} value), which log compaction and sink connectors take as a delete.
   */
  public List<SourceRecord> nextPage(long nowMs) throws IOException {
    Checkpoint before = checkpoint;
    Page<Object[]> page = reader.read(before);
    List<SourceRecord> records = new ArrayList<>(page.rows().size());
    Map<String, Object> beforeOffset = StreamOffsets.offset(before, lastEndedAtMs);
    if (page.endsRun()) {
      lastEndedAtMs = nowMs;
    }
    Map<String, Object> afterOffset = StreamOffsets.offset(page.after(), lastEndedAtMs);
    for (int i = 0; i < page.rows().size(); i++) {
      Object[] row = page.rows().get(i);
      boolean last = i == page.rows().size() - 1;
      // a row deleted at the source is a tombstone: its key and no value
      boolean deleted = page.deleted(i);
      records.add(
          new SourceRecord(
              partition,
              last ? afterOffset : beforeOffset,
              topic,
              null,
              schema.keySchema(),
              schema.key(row),
              deleted ? null : schema.valueSchema(),
              deleted ? null : schema.value(row)));
    }
    checkpoint = page.after();
    dueAtMs = page.endsRun() ? nowMs + pollIntervalMs : nowMs;
    return records;
  }

  @Override
  public void close() {
    reader.close();
  }
}
