package dev.paw.kafka.connect;

import dev.paw.kafka.connect.internal.ConnectorLoad;
import dev.paw.kafka.connect.internal.PawConfig;
import dev.paw.kafka.connect.internal.StreamOffsets;
import dev.paw.runtime.registry.RegisteredConnector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A paw connector file run as a Kafka Connect source: each stream's records go to {@code
 * topic.prefix + table}, keyed by the primary key, with a schema from the typed columns; the
 * stream's checkpoint is its source offset. Streams are spread over {@code tasks.max}. See
 * docs/kafka-connect.md.
 */
public class PawSourceConnector extends SourceConnector {

  static final String VERSION = implementationVersion();

  private Map<String, String> props;
  private List<String> tables;

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public ConfigDef config() {
    return PawConfig.DEFINITION;
  }

  @Override
  public void start(Map<String, String> props) {
    PawConfig config = new PawConfig(props);
    RegisteredConnector connector =
        ConnectorLoad.require(config, PawSourceConnector.class.getClassLoader());
    this.props = Map.copyOf(props);
    this.tables = ConnectorLoad.tables(connector, config);
  }

  /** The streams, dealt round-robin to at most {@code maxTasks} tasks (none gets no stream). */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    int count = Math.max(1, Math.min(maxTasks, tables.size()));
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < tables.size(); i++) {
      groups.get(i % count).add(tables.get(i));
    }
    List<Map<String, String>> configs = new ArrayList<>();
    for (List<String> group : groups) {
      Map<String, String> task = new HashMap<>(props);
      task.put(PawConfig.TASK_STREAMS, String.join(",", group));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return PawSourceTask.class;
  }

  @Override
  public void stop() {
    // tasks hold everything that runs
  }

  /**
   * Connect's checks of each setting, then paw's: the connector file compiled as {@code paw
   * validate} compiles it (each error as {@code file:line:col: message} on {@code
   * paw.connector.path}), the streams it may read here, the credentials it needs.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config config = super.validate(connectorConfigs);
    boolean basicErrors =
        config.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty());
    if (basicErrors) {
      return config;
    }
    ConnectorLoad load =
        ConnectorLoad.of(
            new PawConfig(connectorConfigs), PawSourceConnector.class.getClassLoader());
    for (ConfigValue value : config.configValues()) {
      load.problems().getOrDefault(value.name(), List.of()).forEach(value::addErrorMessage);
    }
    return config;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  /** A task commits a transaction after each page, so a page's records and offset commit whole. */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(
      Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }

  /**
   * Accepts offsets the REST API writes ({@code PATCH} or {@code DELETE
   * /connectors/{name}/offsets}) when they are paw checkpoints; a reset stream starts over.
   */
  @Override
  public boolean alterOffsets(
      Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    try {
      offsets.forEach(StreamOffsets::checkAltered);
    } catch (IllegalArgumentException e) {
      throw new ConnectException(e.getMessage(), e);
    }
    return true;
  }

  private static String implementationVersion() {
    String version = PawSourceConnector.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
