package dev.paw.kafka.connect.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * The source connector's configuration: which connector file, which of its streams, the
 * credentials, topic naming and per-stream settings. Credential values are Connect {@code PASSWORD}
 * values (shown as {@code [hidden]}, resolvable through config providers) under {@code
 * paw.credential.<NAME>}, one per credential the connector file declares.
 */
public final class PawConfig extends AbstractConfig {

  public static final String CONNECTOR = "paw.connector";
  public static final String CONNECTOR_PATH = "paw.connector.path";
  public static final String STREAMS = "paw.streams";
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String BASE_URL = "paw.base.url";
  public static final String POLL_INTERVAL = "paw.poll.interval.ms";
  public static final String RATE_LIMIT = "paw.rate.limit.per.second";
  public static final String CREDENTIAL_PREFIX = "paw.credential.";
  public static final String STREAM_PREFIX = "paw.stream.";

  /** Set by the connector in each task's configuration: the streams the task reads. */
  public static final String TASK_STREAMS = "paw.task.streams";

  /** The poll interval of a stream whose file says {@code manual} and that sets none. */
  static final long MANUAL_POLL_MS = 3_600_000L;

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              CONNECTOR,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "The paw connector's name: one in the connector file or folder that "
                  + CONNECTOR_PATH
                  + " names, else one compiled into a jar on the plugin's class path.")
          .define(
              CONNECTOR_PATH,
              Type.STRING,
              "",
              Importance.HIGH,
              "A connector YAML file, or a folder of them, on the worker. Empty: compiled"
                  + " connectors only.")
          .define(
              STREAMS,
              Type.LIST,
              List.of(),
              Importance.HIGH,
              "The tables whose streams to read; empty for every stream the connector syncs.")
          .define(
              TOPIC_PREFIX,
              Type.STRING,
              "paw.",
              Importance.HIGH,
              "Each stream's records go to the topic named by this prefix and the stream's table.")
          .define(
              BASE_URL,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "The API's base URL in place of the file's (a test server, a regional endpoint).")
          .define(
              POLL_INTERVAL,
              Type.LONG,
              -1L,
              Importance.MEDIUM,
              "Milliseconds between the runs of a stream; -1 takes each stream's schedule from"
                  + " the file (a manual stream then runs hourly). Per stream: "
                  + STREAM_PREFIX
                  + "<table>.poll.interval.ms.")
          .define(
              RATE_LIMIT,
              Type.DOUBLE,
              0.0,
              ConfigDef.Range.atLeast(0.0),
              Importance.MEDIUM,
              "Requests per second each task may send to the API; 0 for no limit beyond the"
                  + " server's own 429 and Retry-After answers.");

  public PawConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public String connector() {
    return getString(CONNECTOR);
  }

  public Optional<String> connectorPath() {
    return nonEmpty(getString(CONNECTOR_PATH));
  }

  public List<String> streams() {
    return getList(STREAMS);
  }

  public String topic(String table) {
    return getString(TOPIC_PREFIX) + table;
  }

  public Optional<String> baseUrl() {
    return nonEmpty(getString(BASE_URL));
  }

  public double rateLimit() {
    return getDouble(RATE_LIMIT);
  }

  /** The poll interval of a stream: its own setting, else the connector's, else its schedule. */
  public long pollIntervalMs(String table, java.time.Duration schedule) {
    Object own = originals().get(STREAM_PREFIX + table + ".poll.interval.ms");
    if (own != null) {
      return Long.parseLong(own.toString().strip());
    }
    long all = getLong(POLL_INTERVAL);
    if (all >= 0) {
      return all;
    }
    return schedule == null ? MANUAL_POLL_MS : schedule.toMillis();
  }

  /**
   * The credential values by credential name, read as {@code PASSWORD}s so that no {@code toString}
   * of this configuration shows one.
   */
  public Map<String, Password> credentials() {
    Map<String, Password> found = new LinkedHashMap<>();
    originalsWithPrefix(CREDENTIAL_PREFIX)
        .forEach(
            (name, value) ->
                found.put(
                    name,
                    value instanceof Password p
                        ? p
                        : (Password) ConfigDef.parseType(name, value, Type.PASSWORD)));
    return found;
  }

  /** The streams the connector gave this task. */
  public List<String> taskStreams() {
    Object value = originals().get(TASK_STREAMS);
    return value == null || value.toString().isBlank()
        ? List.of()
        : List.of(value.toString().split(","));
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
