package dev.paw.example;

import dev.paw.example.connectors.stripe.CreateInvoiceParams;
import dev.paw.example.connectors.stripe.ListCustomersParams;
import dev.paw.example.connectors.stripe.StripeClient;
import dev.paw.example.connectors.stripe.StripeCustomersRow;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.TypedResult;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A host application as a Java team would write one: the Stripe connector is compiled from
 * ../connectors by {@code paw:generate}, and this code makes typed calls to it — a sync into a
 * pocket, a typed read of the rows, and an action that needs approval — against a local stand-in
 * for the Stripe API.
 */
public final class ExampleApp {

  private static final String TEST_KEY = "sk_test_example_0000";

  private final PrintStream out;

  ExampleApp(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException, SQLException {
    Path home = Files.createTempDirectory("paw-example-home");
    try (LocalStripe api = LocalStripe.start(250, TEST_KEY)) {
      new ExampleApp(System.out).run(home, api);
    }
  }

  /** The whole job; returns the synced rows. */
  List<StripeCustomersRow> run(Path home, LocalStripe api) throws SQLException {
    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(home))
            .environment(Map.of()) // credentials come from the encrypted store, not the environment
            .connectorFolders(List.of()) // only compiled connectors: the ones paw:generate made
            .approver(
                request -> {
                  out.println(
                      "approval asked: "
                          + request.subject()
                          + " "
                          + request.parameters()
                          + " -> approved");
                  return true;
                })
            .build()) {
      Pocket pocket = paw.pocket("Example Shop");
      paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of(TEST_KEY));

      StripeClient stripe = new StripeClient(paw.connector(pocket, "stripe"));
      stripe
          .connector()
          .connect(ConnectOptions.baseUrl(api.apiBase()))
          .toCompletableFuture()
          .join();
      out.println("connected stripe to pocket '" + pocket.name() + "' at " + api.apiBase());

      SyncResult sync = stripe.syncCustomers().toCompletableFuture().join();
      out.printf(
          "synced %s: %d inserted, %d updated in %d pages (%d ms)%n",
          sync.table(), sync.inserted(), sync.updated(), sync.pages(), sync.duration().toMillis());

      List<StripeCustomersRow> rows = stripe.customers();
      out.printf("%-10s %-24s %-12s %8s %s%n", "id", "email", "name", "balance", "metadata");
      for (StripeCustomersRow row : rows.subList(0, Math.min(5, rows.size()))) {
        out.printf(
            "%-10s %-24s %-12s %8d %s%n",
            row.id(), row.email(), row.name(), row.balance(), row.metadata());
      }
      out.println("... " + rows.size() + " rows in stripe_customers");

      TypedResult.Page<StripeCustomersRow> newest =
          stripe
              .listCustomers(ListCustomersParams.builder().limit(3).build())
              .toCompletableFuture()
              .join();
      out.println(
          "newest customers, as typed rows: "
              + newest.records().stream().map(StripeCustomersRow::id).toList()
              + " (HTTP "
              + newest.raw().status()
              + ")");

      ActionResult invoice =
          stripe
              .createInvoice(
                  CreateInvoiceParams.builder()
                      .customer(rows.get(0).id())
                      .description("Consulting, November")
                      .build())
              .toCompletableFuture()
              .join();
      out.println(
          "created invoice "
              + invoice.json().get("id").asText()
              + " ("
              + invoice.json().get("status").asText()
              + ", due in "
              + invoice.json().get("days_until_due").asText()
              + " days)");

      out.println("audit trail:");
      for (AuditEntry entry : paw.audit(pocket).read(AuditQuery.recent())) {
        out.printf(
            "  %s %-7s %-16s %-8s %s%n",
            entry.time(),
            entry.kind(),
            entry.target() == null ? "-" : entry.target(),
            entry.outcome(),
            entry.decision() == null ? "" : entry.decision());
      }
      return rows;
    }
  }
}
