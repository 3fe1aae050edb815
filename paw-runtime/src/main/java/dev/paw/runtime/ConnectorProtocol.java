package dev.paw.runtime;

import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  /**
   * Forgets the connection (its credentials and schedule); synced rows and each table's stored sync
   * position stay in the pocket, so a new connection resumes where this one stopped.
   */
  CompletionStage<Void> disconnect();

  /**
   * {@link #disconnect()}, and with {@code dropData} also removes the connector's synced tables and
   * their stored sync positions from the pocket (audited as a disconnect with {@code drop_data}).
   */
  default CompletionStage<Void> disconnect(boolean dropData) {
    if (!dropData) {
      return disconnect();
    }
    return java.util.concurrent.CompletableFuture.failedStage(
        new UnsupportedOperationException(getClass().getName() + " cannot drop synced data"));
  }

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

  /**
   * Runs a list action that declares {@code records} and {@code pagination}, answering its first
   * page of records as {@code mapper} reads them; the page fetches the pages after it, each an
   * ordinary call of the action (checked, trust-gated and audited), moved to its page by the same
   * paging code syncs use, up to the page cap ({@link RuntimeLimits#maxPages()}, or the action's
   * lower {@code max_pages}).
   *
   * @param records where the records are in an answer; {@code null} for the answer itself when it
   *     is an array, else its {@code data} field, else its first array field
   * @param mapper reads each record; {@code null} to read each as a Jackson {@code JsonNode} (then
   *     {@code R} must be {@code JsonNode})
   */
  default <R> CompletionStage<TypedResult.Page<R>> executePaged(
      String action, Map<String, ?> params, String records, RowMapper<R> mapper) {
    throw new UnsupportedOperationException(
        "connector '" + spec().name() + "' cannot page through '" + action + "' here");
  }

  /**
   * Syncs one table: pages through its source action and upserts each page with its checkpoint.
   *
   * <p>The stage completes with the run's result when the run succeeded (complete, or stopped at
   * the stream's own page cap), and fails with a {@link SyncFailedException} for every failure: the
   * server or the network failed, a page was refused, the table is being synced by another process,
   * the trust gate refused, the connector changed since it was connected, is not connected or syncs
   * no such table. The exception carries the partial result (what was committed stays; the next
   * sync resumes there) and, when another exception was the reason, that exception as its cause.
   */
  CompletionStage<SyncResult> sync(String table);

  /**
   * {@link #sync(String)} as {@code options} say: {@link SyncOptions#FULL} lists everything again
   * and then removes the rows the source no longer has (as {@code write_mode: replace} does, in one
   * transaction at the end); {@link SyncOptions#RESET} forgets the stored position first. Either is
   * recorded in the audit entry of the run.
   */
  default CompletionStage<SyncResult> sync(String table, SyncOptions options) {
    if (options.equals(SyncOptions.DEFAULTS)) {
      return sync(table);
    }
    return java.util.concurrent.CompletableFuture.failedStage(
        new UnsupportedOperationException(getClass().getName() + " cannot sync with " + options));
  }

  /** {@link #syncAll()} with every table synced as {@code options} say. */
  default CompletionStage<List<SyncResult>> syncAll(SyncOptions options) {
    if (options.equals(SyncOptions.DEFAULTS)) {
      return syncAll();
    }
    return java.util.concurrent.CompletableFuture.failedStage(
        new UnsupportedOperationException(getClass().getName() + " cannot sync with " + options));
  }

  /**
   * Syncs every runnable stream, one after another; fails with the {@link SyncFailedException} of
   * the first table that failed, after which the remaining tables are not synced.
   */
  CompletionStage<List<SyncResult>> syncAll();

  /**
   * Every row of one of this connector's tables in the pocket, in primary-key (else insertion)
   * order, each made by {@code reader} from its stored values.
   *
   * @throws IllegalArgumentException when the connector syncs no such table
   */
  <R> List<R> rows(String table, RowReader<R> reader);

  /** The tables this connector syncs, with their columns. */
  List<TableSchema> schema();

  /** Whether the service answers with the stored credentials. */
  CompletionStage<HealthStatus> health();

  /**
   * How to connect a connector to a pocket.
   *
   * @param baseUrl replaces the connector's scheme, host and base path for this connection (a test
   *     server, a proxy, a regional or enterprise endpoint such as GitHub Enterprise); {@code null}
   *     for the connector's own
   * @param params values for the parameters of the connector's sync sources that the file leaves to
   *     the user (Confluence's {@code spaceKey}), by parameter name: of the declared type, or its
   *     text ({@code "25"} for an integer), which is converted. They are checked against the
   *     declared types and enums, stored with the connection and used by every later sync; a
   *     connect without them keeps the stored ones.
   * @param endpoint options of a sync of one REST endpoint (see {@link #withEndpoint}), stored with
   *     the connection; empty keeps the stored ones
   * @param checkCredentials whether connecting calls the service once (the health probe: the first
   *     {@code auto} GET action that needs no parameter) to check the credentials; on by default
   */
  record ConnectOptions(
      String baseUrl,
      Map<String, Object> params,
      Map<String, String> endpoint,
      boolean checkCredentials) {

    public static final ConnectOptions DEFAULTS = new ConnectOptions(null);

    public ConnectOptions {
      params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
      endpoint =
          endpoint == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(endpoint));
    }

    /**
     * Options with a base URL (or {@code null}), sync parameters and endpoint options that check
     * the credentials.
     */
    public ConnectOptions(
        String baseUrl, Map<String, Object> params, Map<String, String> endpoint) {
      this(baseUrl, params, endpoint, true);
    }

    public ConnectOptions(String baseUrl, Map<String, Object> params) {
      this(baseUrl, params, Map.of());
    }

    public ConnectOptions(String baseUrl) {
      this(baseUrl, Map.of(), Map.of());
    }

    public static ConnectOptions baseUrl(String url) {
      return new ConnectOptions(url);
    }

    /** These options with one more sync parameter. */
    public ConnectOptions withParam(String name, Object value) {
      Map<String, Object> more = new LinkedHashMap<>(params);
      more.put(name, value);
      return new ConnectOptions(baseUrl, more, endpoint, checkCredentials);
    }

    /**
     * These options with one more endpoint option: a sync of any REST endpoint, described at
     * connect time instead of in the file ({@code url}, {@code table}, {@code records}, {@code
     * pagination} and its {@code pagination.*} settings, {@code primary_key}, {@code write_mode},
     * {@code max_pages}, {@code schedule}; see docs/pocketpaw.md). The columns are inferred from
     * the endpoint's first page.
     */
    public ConnectOptions withEndpoint(String option, String value) {
      Map<String, String> more = new LinkedHashMap<>(endpoint);
      more.put(option, value);
      return new ConnectOptions(baseUrl, params, more, checkCredentials);
    }

    /** These options, connecting without calling the service (offline, or a server to spare). */
    public ConnectOptions withoutCredentialCheck() {
      return new ConnectOptions(baseUrl, params, endpoint, false);
    }
  }

  /**
   * How a sync treats the stored position.
   *
   * @param full re-read everything, then remove the rows the source no longer has
   * @param reset forget the stored position (and an interrupted run) before the run
   */
  record SyncOptions(boolean full, boolean reset) {

    public static final SyncOptions DEFAULTS = new SyncOptions(false, false);
    public static final SyncOptions FULL = new SyncOptions(true, false);
    public static final SyncOptions RESET = new SyncOptions(false, true);
  }

  /**
   * A connection made by {@link #connect()}. There is only a result when the connection was made: a
   * failure completes the stage exceptionally instead, and credentials the service refuses (HTTP
   * 401 or 403 to the health probe) fail it with an {@code ActionFailedException} carrying that
   * status and the service's reason, the connection not made.
   *
   * @param tables the tables the connector syncs, created in the pocket
   * @param credentialsChecked true when the service accepted the credentials while connecting
   * @param credentialCheck what connecting found out about the credentials: which call accepted
   *     them, or why they were not checked (no credentials, no action callable without parameters,
   *     the check turned off, or the service failing otherwise)
   */
  record ConnectionResult(
      String pocket,
      String connector,
      List<String> tables,
      Instant connectedAt,
      boolean credentialsChecked,
      String credentialCheck) {

    public ConnectionResult {
      tables = List.copyOf(tables);
    }

    /** A result that says nothing about the credentials. */
    public ConnectionResult(
        String pocket, String connector, List<String> tables, Instant connectedAt) {
      this(pocket, connector, tables, connectedAt, false, "credentials not checked");
    }
  }

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

  /**
   * Makes a row of type {@code R} from one stored row. Generated mappers are row readers; so may be
   * a lambda.
   *
   * @param <R> the row type
   */
  @FunctionalInterface
  interface RowReader<R> {
    R read(StoredRow row);
  }

  /**
   * One row of a synced table as pocket.db holds it, its values by column position: 1 to n in the
   * table's column order. Each getter reads the value as one column type; SQL NULL is {@code null}.
   */
  interface StoredRow {

    String getString(int column);

    Long getLong(int column);

    Double getDouble(int column);

    /** A boolean column, stored as 0 or 1. */
    Boolean getBoolean(int column);

    /** An untyped column's value as stored: {@code Long}, {@code Double} or {@code String}. */
    Object getAny(int column);
  }
}
