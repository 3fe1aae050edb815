package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw sync stripe} keeps each table exactly equal to a Stripe-shaped server whose data
 * changes between syncs: after the first full listing, later syncs read only the Events API (paid
 * invoices, a deleted customer, new invoices, a refund), {@code --full} removes what changed
 * without an event, {@code --reset} lists everything again, and {@code paw disconnect} says what
 * stays.
 */
class StripeFreshnessTest {

  private static final String KEY = "sk_test_freshCanary42";

  private final StripeWorld world = new StripeWorld();

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() {
    env.put("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=");
    server.setDispatcher(world);
    for (int c = 1; c <= 4; c++) {
      int n = c;
      world.add(
          "customer",
          "cus_" + n,
          o ->
              o.put("email", "c" + n + "@example.com")
                  .put("name", "Customer " + n)
                  .put("balance", 0));
    }
    // 130 invoices: the first listing takes two pages of 100
    for (int i = 1; i <= 130; i++) {
      invoice(i, "open");
    }
    for (int i = 1; i <= 3; i++) {
      int n = i;
      world.add(
          "charge",
          "ch_" + n,
          o ->
              o.put("customer", "cus_" + n)
                  .put("amount", 100 * n)
                  .put("amount_refunded", 0)
                  .put("status", "succeeded")
                  .put("paid", true)
                  .put("refunded", false));
    }
  }

  private void invoice(int n, String status) {
    world.add(
        "invoice",
        String.format("in_%04d", n),
        o ->
            o.put("customer", "cus_" + (1 + n % 4))
                .put("number", "PAW-" + n)
                .put("status", status)
                .put("currency", "usd")
                .put("amount_due", 1000 + n)
                .put("amount_paid", 0)
                .put("amount_remaining", 1000 + n));
  }

  private record Run(int exit, ScriptedTerminal terminal) {
    String out() {
      return terminal.printed();
    }
  }

  private Run paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    return new Run(PawCli.run(all, terminal, env), terminal);
  }

  @Test
  void oneMoreSyncLeavesEveryTableExactlyEqualToTheServer() throws Exception {
    Run connect =
        paw(
            "connect",
            "stripe",
            "--pocket",
            "Shop",
            "--credential",
            "STRIPE_API_KEY=" + KEY,
            "--base-url",
            server.url("/v1").toString());
    assertThat(connect.exit()).as(connect.out() + connect.terminal().errors()).isZero();
    assertEqualToServer();

    world.clearRequests();
    // what happens at Stripe between two syncs
    for (String id : List.of("in_0007", "in_0120")) {
      world.update(
          "invoice",
          id,
          "invoice.paid",
          o ->
              o.put("status", "paid")
                  .put("amount_paid", o.get("amount_due").asLong())
                  .put("amount_remaining", 0));
    }
    world.update("invoice", "in_0008", "invoice.voided", o -> o.put("status", "void"));
    world.update("invoice", "in_0008", "invoice.updated", o -> o.put("number", "PAW-8-v2"));
    world.delete("customer", "cus_3");
    invoice(131, "draft");
    invoice(132, "open");
    world.delete("invoice", "in_0131");
    world.update(
        "charge",
        "ch_2",
        "charge.refunded",
        o -> o.put("amount_refunded", 200).put("refunded", true));
    world.update("customer", "cus_1", "customer.updated", o -> o.put("email", "new@example.com"));

    Run sync = paw("sync", "stripe", "--pocket", "Shop");

    assertThat(sync.exit()).as(sync.out() + sync.terminal().errors()).isZero();
    assertEqualToServer();
    assertThat(world.requests())
        .as("after the first listing, a sync reads only the events")
        .allMatch(p -> p.startsWith("/v1/events?"))
        .anyMatch(p -> p.contains("created%5Bgte%5D="))
        .anyMatch(p -> p.contains("types%5B%5D=customer.deleted"));
    assertThat(sync.out())
        .contains("stripe_customers: ")
        .containsPattern("stripe_customers: .* 1 deleted");

    // a change Stripe no longer has an event for: only --full finds it
    world.deleteSilently("invoice", "in_0050");
    assertThat(paw("sync", "stripe", "--pocket", "Shop").exit()).isZero();
    assertThat(rows("stripe_invoices")).containsKey("in_0050");
    world.clearRequests();
    Run full = paw("sync", "stripe", "--pocket", "Shop", "--full");
    assertThat(full.exit()).as(full.out() + full.terminal().errors()).isZero();
    assertThat(full.out()).containsPattern("stripe_invoices: .* 1 deleted");
    assertThat(world.requests()).anyMatch(p -> p.startsWith("/v1/invoices?"));
    assertEqualToServer();

    // after --full, changes flow through the events again
    world.clearRequests();
    world.update("invoice", "in_0001", "invoice.paid", o -> o.put("status", "paid"));
    assertThat(paw("sync", "stripe", "--pocket", "Shop").exit()).isZero();
    assertThat(world.requests()).allMatch(p -> p.startsWith("/v1/events?"));
    assertEqualToServer();

    // --reset forgets the position: the next sync lists everything, as the first one did
    world.clearRequests();
    Run reset = paw("sync", "stripe", "--pocket", "Shop", "--reset");
    assertThat(reset.exit()).as(reset.out() + reset.terminal().errors()).isZero();
    assertThat(world.requests()).anyMatch(p -> p.startsWith("/v1/customers?"));
    assertEqualToServer();

    Run audit = paw("audit", "--pocket", "Shop");
    assertThat(audit.out()).contains("\"full\":true").contains("\"reset\":true");

    Run disconnect = paw("disconnect", "stripe", "--pocket", "Shop");
    assertThat(disconnect.out())
        .contains("stay in the pocket with their stored sync positions")
        .contains("--drop-data");
    assertThat(rows("stripe_invoices")).hasSize(world.all("invoice").size());

    Run drop = paw("disconnect", "stripe", "--pocket", "Shop", "--drop-data");
    assertThat(drop.exit()).as(drop.out() + drop.terminal().errors()).isZero();
    assertThat(drop.out()).contains("removed its synced tables");
    try (Connection db = database();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'stripe_%'"
                        + " OR name LIKE '_paw_seen_stripe%' OR name LIKE '_paw_changed_stripe%'")) {
      assertThat(rs.getInt(1)).isZero();
    }
    try (Connection db = database();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT count(*) FROM _paw_sync_state WHERE connector = 'stripe'")) {
      assertThat(rs.getInt(1)).isZero();
    }
  }

  /** Each table holds exactly the server's objects, with their current values. */
  private void assertEqualToServer() throws Exception {
    assertTable("stripe_invoices", "invoice", List.of("status", "number", "amount_paid"));
    assertTable("stripe_customers", "customer", List.of("email", "name"));
    assertTable("stripe_charges", "charge", List.of("amount_refunded", "refunded"));
  }

  private void assertTable(String table, String kind, List<String> fields) throws Exception {
    Map<String, Map<String, Object>> stored = rows(table);
    Map<String, ObjectNode> source = world.all(kind);
    assertThat(stored.keySet()).as(table + " keys").containsExactlyElementsOf(source.keySet());
    for (Map.Entry<String, ObjectNode> e : source.entrySet()) {
      for (String field : fields) {
        JsonNode value = e.getValue().get(field);
        Object expected =
            value == null || value.isNull()
                ? null
                : value.isBoolean()
                    ? (value.asBoolean() ? 1L : 0L)
                    : value.isNumber() ? value.asLong() : value.asText();
        Object actual = stored.get(e.getKey()).get(field);
        assertThat(actual instanceof Integer i ? (Object) i.longValue() : actual)
            .as(table + " " + e.getKey() + " " + field)
            .isEqualTo(expected);
      }
    }
  }

  private Map<String, Map<String, Object>> rows(String table) throws SQLException {
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    try (Connection db = database();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
        }
        rows.put(rs.getString("id"), row);
      }
    }
    return rows;
  }

  private Connection database() throws SQLException {
    try (Stream<Path> files = Files.walk(home)) {
      Path db =
          files
              .filter(p -> p.getFileName().toString().equals("pocket.db"))
              .findFirst()
              .orElseThrow();
      return DriverManager.getConnection("jdbc:sqlite:" + db);
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }
}
