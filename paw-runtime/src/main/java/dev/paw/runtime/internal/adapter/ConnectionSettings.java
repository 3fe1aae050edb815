package dev.paw.runtime.internal.adapter;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one connection was given at connect time besides credentials, as stored in {@code
 * _paw_connection_settings}: sync parameters ({@link SyncParams}), an endpoint to sync ({@link
 * EndpointStream}) and the columns inferred for streams that map none ({@link ColumnInference}), by
 * table. {@link #apply} turns the file's connector into the one this connection runs.
 */
record ConnectionSettings(
    Map<String, Object> params, Map<String, String> endpoint, Map<String, List<?>> columns) {

  static final ConnectionSettings NONE = new ConnectionSettings(Map.of(), Map.of(), Map.of());

  ConnectionSettings {
    params = Map.copyOf(params);
    endpoint = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoint));
    columns = Map.copyOf(columns);
  }

  @SuppressWarnings("unchecked")
  static ConnectionSettings read(Map<String, Object> stored) {
    Object params = stored.get("params");
    Object endpoint = stored.get("endpoint");
    Object columns = stored.get("columns");
    return new ConnectionSettings(
        params instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of(),
        endpoint instanceof Map<?, ?> e ? (Map<String, String>) e : Map.of(),
        columns instanceof Map<?, ?> c ? (Map<String, List<?>>) c : Map.of());
  }

  Map<String, Object> toStored() {
    Map<String, Object> stored = new LinkedHashMap<>();
    if (!params.isEmpty()) {
      stored.put("params", params);
    }
    if (!endpoint.isEmpty()) {
      stored.put("endpoint", endpoint);
    }
    if (!columns.isEmpty()) {
      stored.put("columns", columns);
    }
    return stored;
  }

  ConnectionSettings withColumns(Map<String, List<?>> newColumns) {
    return new ConnectionSettings(params, endpoint, newColumns);
  }

  /**
   * The connector this connection runs: the parameters applied, the endpoint's stream added, the
   * inferred columns given to the streams that map none.
   */
  ConnectorSpec apply(ConnectorSpec connector) {
    ConnectorSpec spec = SyncParams.apply(connector, params);
    if (!endpoint.isEmpty()) {
      String table = endpoint.getOrDefault("table", "api_data");
      spec = EndpointStream.apply(spec, endpoint, columns.get(table));
    }
    List<StreamSpec> streams = new ArrayList<>();
    boolean changed = false;
    for (StreamSpec stream : spec.streams()) {
      List<?> inferred = columns.get(stream.table());
      if (stream.columns().isEmpty() && inferred != null && !inferred.isEmpty()) {
        StreamSpec withColumns =
            stream.toBuilder()
                .columns(ColumnInference.columns(inferred, stream.location()))
                .build();
        if (withColumns.primaryKey().isEmpty() && withColumns.column("id").isPresent()) {
          withColumns = withColumns.withPrimaryKey(List.of("id"));
        }
        stream = withColumns;
        changed = true;
      }
      streams.add(stream);
    }
    return changed ? spec.withStreams(streams) : spec;
  }
}
