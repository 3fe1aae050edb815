package dev.paw.kafka.connect;

import dev.paw.kafka.connect.internal.ConnectorLoad;
import dev.paw.kafka.connect.internal.PawConfig;
import dev.paw.kafka.connect.internal.StreamOffsets;
import dev.paw.kafka.connect.internal.StreamSchema;
import dev.paw.kafka.connect.internal.TaskStream;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.internal.adapter.DetachedStreams;
import dev.paw.runtime.internal.http.HttpClients;
import dev.paw.runtime.registry.RegisteredConnector;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the streams the connector gave this task, one page per {@link #poll()}: the stream that is
 * due soonest, resuming from its committed source offset. With exactly-once delivery each page is
 * one transaction. Between a stream's runs the task sleeps (waking for {@link #stop()}), so an idle
 * stream costs nothing but the wait.
 */
public class PawSourceTask extends SourceTask {

  private static final Logger LOG = LoggerFactory.getLogger(PawSourceTask.class);

  /** The longest one {@link #poll()} sleeps, so the worker's loop keeps turning. */
  private static final long MAX_IDLE_MS = 1_000;

  /** Failed pages in a row after which the task fails (and says why) instead of trying again. */
  private static final int MAX_FAILURES = 5;

  private static final long FAILURE_BACKOFF_MS = 10_000;

  private final Object wake = new Object();
  private volatile boolean stopping;
  private final List<TaskStream> streams = new ArrayList<>();
  private okhttp3.OkHttpClient client;
  private DetachedStreams source;
  private int failures;

  @Override
  public String version() {
    return PawSourceConnector.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    PawConfig config = new PawConfig(props);
    RegisteredConnector connector =
        ConnectorLoad.require(config, PawSourceTask.class.getClassLoader());
    String name = connector.name();
    Map<String, String> credentials = new LinkedHashMap<>();
    config.credentials().forEach((key, value) -> credentials.put(key, value.value()));
    RuntimeSettings settings = RuntimeSettings.defaults();
    if (config.rateLimit() > 0) {
      settings =
          new RuntimeSettings(
              settings.retry(),
              Map.of(name, config.rateLimit()),
              settings.clock(),
              settings.sleeper(),
              settings.limits());
    }
    client = HttpClients.newClient();
    source =
        new DetachedStreams(
            connector, credentials, config.baseUrl().orElse(null), client, settings);
    List<Map<String, String>> partitions = new ArrayList<>();
    for (String table : config.taskStreams()) {
      partitions.add(StreamOffsets.partition(name, table));
    }
    Map<Map<String, String>, Map<String, Object>> offsets =
        context.offsetStorageReader().offsets(partitions);
    for (String table : config.taskStreams()) {
      StreamSpec stream = connector.spec().stream(table).orElseThrow();
      Map<String, Object> offset = offsets.get(StreamOffsets.partition(name, table));
      streams.add(
          new TaskStream(
              name,
              table,
              source.reader(table),
              new StreamSchema(connector.spec(), stream),
              config.topic(table),
              config.pollIntervalMs(
                  table, stream.schedule() == null ? null : stream.schedule().interval()),
              StreamOffsets.checkpoint(offset),
              StreamOffsets.endedAt(offset)));
    }
    LOG.info("paw task reads {} of connector '{}'", config.taskStreams(), name);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (streams.isEmpty()) {
      idle(MAX_IDLE_MS);
      return null;
    }
    TaskStream next = streams.stream().min(Comparator.comparingLong(TaskStream::dueAtMs)).get();
    long now = System.currentTimeMillis();
    if (next.dueAtMs() > now) {
      idle(Math.min(next.dueAtMs() - now, MAX_IDLE_MS));
      return null;
    }
    List<SourceRecord> records;
    try {
      records = next.nextPage(now);
      failures = 0;
    } catch (IOException | RuntimeException e) {
      String reason = source.redact(String.valueOf(e.getMessage()));
      if (++failures >= MAX_FAILURES) {
        throw new ConnectException(
            "stream " + next.table() + " failed " + failures + " times in a row; last: " + reason);
      }
      LOG.warn("stream {}: {} (trying again)", next.table(), reason);
      next.retryIn(now, FAILURE_BACKOFF_MS);
      return null;
    }
    TransactionContext transactions = context.transactionContext();
    if (transactions != null && !records.isEmpty()) {
      transactions.commitTransaction(records.get(records.size() - 1));
    }
    return records.isEmpty() ? null : records;
  }

  /** Sleeps up to {@code ms}, or until {@link #stop()}. */
  private void idle(long ms) throws InterruptedException {
    synchronized (wake) {
      if (!stopping) {
        wake.wait(ms);
      }
    }
  }

  @Override
  public void stop() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    streams.forEach(TaskStream::close);
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
