package dev.paw.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every action of PocketPaw's postgresql.yaml, unchanged, run by paw (parameter checks, trust gate,
 * audit) against a real PostgreSQL server, with the credentials from paw's encrypted store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresActionsIT {

  @TempDir static Path home;

  private PostgresServer server;
  private Paw paw;
  private Pocket pocket;
  private ConnectorProtocol postgresql;
  private final AtomicBoolean approve = new AtomicBoolean();
  private final List<String> printed = new ArrayList<>();

  @BeforeAll
  void serverAndConnection() throws Exception {
    server = PostgresServer.get();
    try (Connection admin = server.admin();
        Statement sql = admin.createStatement()) {
      sql.execute(
          """
          DROP SCHEMA IF EXISTS shop CASCADE;
          CREATE SCHEMA shop;
          CREATE TABLE shop.customers (
            id serial PRIMARY KEY, name text NOT NULL, email text, created timestamptz DEFAULT now());
          CREATE UNIQUE INDEX customers_email ON shop.customers (email);
          CREATE TABLE shop.orders (
            id bigint PRIMARY KEY, customer int REFERENCES shop.customers, total numeric(12, 2));
          INSERT INTO shop.customers (name, email) VALUES
            ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com'), ('Linus', NULL);
          INSERT INTO shop.orders VALUES (1, 1, 10.50), (2, 1, 99.99), (3, 2, 0.01);
          CREATE TABLE shop."we""ird name" (v text);
          INSERT INTO shop."we""ird name" VALUES ('quoted right');
          CREATE TABLE shop.audit_hits (at timestamptz);
          CREATE FUNCTION shop.bump() RETURNS int LANGUAGE sql VOLATILE
            AS 'INSERT INTO shop.audit_hits VALUES (now()) RETURNING 1';
          CREATE VIEW shop.sneaky AS SELECT shop.bump() AS bumped;
          CREATE VIEW shop.slow AS SELECT pg_sleep(5)::text AS slept;
          ANALYZE shop.customers;
          """);
    }
    paw = PostgresFixture.paw(home, request -> approve.get(), Duration.ofSeconds(1));
    pocket = paw.pocket("Shop");
    PostgresFixture.storeCredentials(paw, pocket, server);
    postgresql = paw.connector(pocket, "postgresql");
    postgresql.connect(ConnectOptions.DEFAULTS).toCompletableFuture().join();
  }

  @AfterAll
  void close() {
    if (paw != null) {
      paw.close();
    }
  }

  private JsonNode run(String action, Map<String, ?> params) {
    ActionResult result = postgresql.execute(action, params).toCompletableFuture().join();
    printed.add(result.text());
    return result.json();
  }

  private Throwable failure(String action, Map<String, ?> params) {
    try {
      run(action, params);
    } catch (CompletionException e) {
      printed.add(e.getCause().getMessage());
      return e.getCause();
    }
    throw new AssertionError(action + " did not fail");
  }

  private static List<String> column(JsonNode result, String name) {
    List<String> values = new ArrayList<>();
    result.get("rows").forEach(row -> values.add(row.get(name).asText()));
    return values;
  }

  private long count(String sql) throws Exception {
    try (Connection admin = server.admin();
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void listSchemasShowsTheUsersSchemasNotTheSystemOnes() {
    List<String> schemas = column(run("list_schemas", Map.of()), "schema");
    assertThat(schemas).contains("public", "shop").doesNotContain("pg_catalog");
  }

  @Test
  void listTablesNamesTablesAndViewsOfTheSchema() {
    JsonNode result = run("list_tables", Map.of("schema", "shop"));
    assertThat(column(result, "table"))
        .containsExactly("audit_hits", "customers", "orders", "slow", "sneaky", "we\"ird name");
    assertThat(column(result, "type")).contains("table", "view");
    assertThat(column(run("list_tables", Map.of()), "table")).isEmpty(); // default: public
  }

  @Test
  void describeTableGivesTypesNullabilityDefaultsAndTheKey() {
    JsonNode rows =
        run("describe_table", Map.of("table", "customers", "schema", "shop")).get("rows");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("column").asText()).isEqualTo("id");
    assertThat(rows.get(0).get("type").asText()).isEqualTo("integer");
    assertThat(rows.get(0).get("primary_key").asBoolean()).isTrue();
    assertThat(rows.get(0).get("default").asText()).startsWith("nextval(");
    assertThat(rows.get(1).get("nullable").asBoolean()).isFalse();
    assertThat(rows.get(3).get("type").asText()).isEqualTo("timestamp with time zone");
  }

  @Test
  void previewTableReturnsTypedRowsUpToTheLimit() {
    JsonNode result = run("preview_table", Map.of("table", "orders", "schema", "shop", "limit", 2));
    assertThat(result.get("rows")).hasSize(2);
    JsonNode first = result.get("rows").get(0);
    assertThat(first.get("id").isIntegralNumber()).isTrue();
    assertThat(first.get("total").decimalValue()).isEqualByComparingTo("10.50");
    assertThat(first.get("total").toString()).isEqualTo("10.50");
    assertThat(run("preview_table", Map.of("table", "we\"ird name", "schema", "shop")).get("rows"))
        .singleElement()
        .satisfies(row -> assertThat(row.get("v").asText()).isEqualTo("quoted right"));
  }

  @Test
  void tableStatsGivesSizesOfEveryTable() {
    JsonNode result = run("table_stats", Map.of("schema", "shop"));
    assertThat(column(result, "table")).contains("customers", "orders");
    JsonNode customers = result.get("rows").get(column(result, "table").indexOf("customers"));
    assertThat(customers.get("estimated_rows").asLong()).isEqualTo(3);
    assertThat(customers.get("total_bytes").asLong()).isPositive();
  }

  @Test
  void listIndexesGivesTheKeyAndTheOtherIndexes() {
    JsonNode result = run("list_indexes", Map.of("table", "customers", "schema", "shop"));
    assertThat(column(result, "index")).containsExactly("customers_email", "customers_pkey");
    assertThat(column(result, "definition").get(0)).contains("UNIQUE INDEX", "(email)");
  }

  @Test
  void activeQueriesShowsAnotherSessionsWork() throws Exception {
    try (Connection other = server.admin();
        Statement statement = other.createStatement()) {
      statement.execute("SET application_name = 'paw-test-other'");
      other.setAutoCommit(false);
      statement.execute("SELECT 4242 AS busy");
      JsonNode result = run("active_queries", Map.of());
      assertThat(column(result, "application_name")).contains("paw-test-other");
      assertThat(column(result, "query")).anyMatch(q -> q.contains("4242"));
      other.rollback();
    }
  }

  @Test
  void readActionsRunInReadOnlyTransactions() throws Exception {
    Throwable error = failure("preview_table", Map.of("table", "sneaky", "schema", "shop"));
    assertThat(error).hasMessageContaining("read-only transaction");
    assertThat(count("SELECT count(*) FROM shop.audit_hits")).isZero();
  }

  @Test
  void readActionsStopAtTheQueryTimeLimit() {
    long started = System.nanoTime();
    Throwable error = failure("preview_table", Map.of("table", "slow", "schema", "shop"));
    assertThat(error).hasMessageContaining("statement timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aHostileTableNameIsAnsweredWithAnErrorNamingIt() throws Exception {
    String hostile = "orders\"; DROP TABLE shop.orders; --";
    Throwable error = failure("describe_table", Map.of("table", hostile, "schema", "shop"));
    assertThat(error).hasMessageContaining("no table \"orders\"\"; DROP TABLE shop.orders; --\"");
    assertThat(failure("preview_table", Map.of("table", hostile, "schema", "shop")))
        .hasMessageContaining("DROP TABLE shop.orders");
    assertThat(failure("list_tables", Map.of("schema", "x' OR '1'='1")))
        .hasMessageContaining("no schema \"x' OR '1'='1\"");
    assertThat(count("SELECT count(*) FROM shop.orders")).isEqualTo(3);
  }

  @Test
  void executeQueryIsRefusedWithoutApprovalAndChangesNothing() throws Exception {
    approve.set(false);
    Throwable refused =
        failure("execute_query", Map.of("query", "DELETE FROM shop.orders WHERE id = 3"));
    assertThat(refused).isInstanceOf(ActionRefusedException.class);
    assertThat(count("SELECT count(*) FROM shop.orders")).isEqualTo(3);
    List<AuditEntry> trail = paw.audit(pocket).read(AuditQuery.recent().limit(1000));
    assertThat(trail.get(0).target()).isEqualTo("execute_query");
    assertThat(trail.get(0).outcome()).isEqualTo(AuditOutcome.REFUSED);
  }

  @Test
  void executeQueryRunsWhatItIsGivenOnceApprovedAndLimitsRows() throws Exception {
    approve.set(true);
    try {
      JsonNode inserted =
          run(
              "execute_query",
              Map.of("query", "INSERT INTO shop.customers (name) VALUES ('Alan'), ('Barbara')"));
      assertThat(inserted.get("updated_rows").asLong()).isEqualTo(2);
      JsonNode selected =
          run(
              "execute_query",
              Map.of("query", "SELECT id, name FROM shop.customers ORDER BY id", "limit", 3));
      assertThat(column(selected, "name")).containsExactly("Ada", "Grace", "Linus");
      assertThat(selected.get("truncated").asBoolean()).isTrue();
      assertThat(
              run("execute_query", Map.of("query", "SELECT 1 AS one")).get("truncated").asBoolean())
          .isFalse();
      run("execute_query", Map.of("query", "DELETE FROM shop.customers WHERE id > 3"));
      assertThat(count("SELECT count(*) FROM shop.customers")).isEqualTo(3);
    } finally {
      approve.set(false);
    }
  }

  @Test
  void aWrongPasswordIsReportedWithoutTheOneTried() throws Exception {
    Pocket other = paw.pocket("Wrong password");
    PostgresFixture.storeCredentials(paw, other, server);
    String wrong = "Wrong-" + server.password;
    paw.credentials(other, "postgresql").put("PG_PASSWORD", Secret.of(wrong));
    ConnectorProtocol connector = paw.connector(other, "postgresql");
    connector.connect(ConnectOptions.DEFAULTS).toCompletableFuture().join();
    Throwable error;
    try {
      connector.execute("list_schemas", Map.of()).toCompletableFuture().join();
      throw new AssertionError("connected with a wrong password");
    } catch (CompletionException e) {
      error = e.getCause();
    }
    assertThat(error).hasMessageContaining("password authentication failed");
    assertThat(error.getMessage()).doesNotContain(wrong);
    assertThat(PostgresFixture.filesHolding(home, wrong)).isEmpty();
  }

  @Test
  void thePasswordIsNeverInClearTextInThePocketAuditOrOutput() throws Exception {
    run("list_schemas", Map.of());
    failure("describe_table", Map.of("table", "nope", "schema", "shop"));
    assertThat(PostgresFixture.filesHolding(home, server.password)).isEmpty();
    assertThat(paw.audit(pocket).read(AuditQuery.recent().limit(1000)).toString())
        .doesNotContain(server.password);
    assertThat(String.join("\n", printed)).doesNotContain(server.password);
    assertThat(Files.readString(server.log())).doesNotContain(server.password);
  }
}
