package dev.paw.runtime;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A connector bound to one pocket: the seed's {@code ConnectorProtocol} as an asynchronous Java
 * interface. Every call is trust-checked and audited by the runtime, whichever front door
 * (generated client or YAML) built it.
 */
public interface ConnectorProtocol {

  /** The linked connector this adapter runs. */
  ConnectorSpec spec();

  /** Checks the stored credentials, creates the synced tables and records the connection. */
  default CompletionStage<ConnectionResult> connect() {
    return connect(ConnectOptions.DEFAULTS);
  }

  /** {@link #connect()} with options, such as a base URL that replaces the connector's own. */
  CompletionStage<ConnectionResult> connect(ConnectOptions options);

  /** Forgets the connection (its credentials and schedule); synced rows stay in the pocket. */
  CompletionStage<Void> disconnect();

  /** The actions the connector offers. */
  default List<ActionSpec> actions() {
    return spec().actions();
  }

  /**
   * Runs an action. Parameters are keyed by their wire names; defaults are applied and types,
   * required values and enums are checked before anything is sent. A {@code confirm} or {@code
   * restricted} action runs only with the approval its trust level needs.
   */
  CompletionStage<ActionResult> execute(String action, Map<String, ?> params);

  /** Syncs one table: pages through its source action and upserts each page with its checkpoint. */
  CompletionStage<SyncResult> sync(String table);

  /** Syncs every runnable stream, one after another. */
  CompletionStage<List<SyncResult>> syncAll();

  /**
   * Every row of one of this connector's tables in the pocket, in primary-key (else insertion)
   * order.
   */
  <R> List<R> rows(dev.paw.runtime.mapping.RowMapper<R> mapper);

  /** The tables this connector syncs, with their columns. */
  List<TableSchema> schema();

  /** Whether the service answers with the stored credentials. */
  CompletionStage<HealthStatus> health();

  /** Whether a connector's service answered, how fast, and why not when it did not. */
  record HealthStatus(boolean healthy, int httpStatus, Duration latency, String message) {}

  /** A synced table as it exists in pocket.db: its name, DDL and columns. */
  record TableSchema(String table, String ddl, List<Column> columns, List<String> primaryKey) {

    /**
     * One column: local name, declared SQLite type (empty when untyped) and the API field it comes
     * from.
     */
    public record Column(String name, String sqlType, String from) {}

    public TableSchema {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
    }
  }
}
