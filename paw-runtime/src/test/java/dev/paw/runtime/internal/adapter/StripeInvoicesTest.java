package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in Stripe connector's invoices stream against real-shaped Stripe invoice pages (the
 * Stripe mock serves no invoices): typed columns, cursor paging, and a second run that reads only
 * the Events API.
 */
class StripeInvoicesTest {

  private static final String KEY = "sk_test_invoiceCanary81";

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private Paw paw;
  private Pocket pocket;

  @BeforeEach
  void setUp() {
    paw =
        Paw.builder()
            .home(PawHome.at(home))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(
                List.of(
                    Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors")))
            .build();
    pocket = paw.pocket("Shop");
    paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of(KEY));
    stripe()
        .connect(ConnectOptions.baseUrl(server.url("/v1").toString()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
  }

  @AfterEach
  void tearDown() {
    paw.close();
  }

  private ConnectorProtocol stripe() {
    return paw.connector(pocket, "stripe");
  }

  /** An invoice as Stripe's API returns it (trimmed of nothing the mapping reads). */
  static String invoice(int n, long created, String status) {
    return """
        {
          "id": "in_1Pq%1$04dXyZ", "object": "invoice", "account_country": "US", "account_name": "Paw Shop",
          "amount_due": %2$d, "amount_paid": %3$d, "amount_remaining": %4$d, "attempt_count": 1, "attempted": true,
          "auto_advance": false, "billing_reason": "manual", "collection_method": "send_invoice",
          "created": %5$d, "currency": "usd", "customer": "cus_Q%1$04d", "customer_email": "c%1$d@example.com",
          "due_date": %6$d, "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1/test_%1$d",
          "lines": {"object": "list", "data": [{"id": "il_%1$d", "amount": %2$d, "description": "Plan",
            "period": {"end": %5$d, "start": %5$d}, "quantity": 1}], "has_more": false,
            "url": "/v1/invoices/in_1Pq%1$04dXyZ/lines"},
          "livemode": false, "metadata": {"order": "%1$d"}, "number": "PAW-%1$04d", "paid": %7$s,
          "period_end": %5$d, "period_start": %5$d, "status": "%8$s",
          "status_transitions": {"finalized_at": %5$d, "marked_uncollectible_at": null, "paid_at": null,
            "voided_at": null},
          "subtotal": %2$d, "tax": null, "total": %2$d, "total_tax_amounts": [], "webhooks_delivered_at": %5$d
        }"""
        .formatted(
            n,
            1000 * n,
            status.equals("paid") ? 1000 * n : 0,
            status.equals("paid") ? 0 : 1000 * n,
            created,
            created + 30 * 86400,
            status.equals("paid"),
            status);
  }

  private static String event(String id, String type, String object) {
    return "{\"id\": \""
        + id
        + "\", \"object\": \"event\", \"type\": \""
        + type
        + "\", \"created\": 1700000500, \"data\": {\"object\": "
        + object
        + "}}";
  }

  private void page(boolean hasMore, String... invoices) {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("Request-Id", "req_test")
            .body(
                "{\"object\": \"list\", \"data\": ["
                    + String.join(",", invoices)
                    + "], \"has_more\": "
                    + hasMore
                    + ", \"url\": \"/v1/invoices\"}")
            .build());
  }

  @Test
  void syncsInvoicesWithTypedColumnsAcrossPagesThenIncrementally() throws Exception {
    page(true, invoice(3, 1_700_000_300L, "open"), invoice(2, 1_700_000_200L, "paid"));
    page(false, invoice(1, 1_700_000_100L, "paid"));

    SyncResult first = stripe().sync("stripe_invoices").toCompletableFuture().join();

    assertThat(first.error()).isNull();
    assertThat(first.inserted()).isEqualTo(3);
    RecordedRequest one = server.takeRequest();
    assertThat(one.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(one.getUrl().encodedPath()).isEqualTo("/v1/invoices");
    assertThat(one.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after"))
        .isEqualTo("in_1Pq0002XyZ");
    var stream = stripe().spec().stream("stripe_invoices").orElseThrow();
    var rows = stripe().rows(stream.table(), new SpecRowMapper(stripe().spec(), stream));
    assertThat(rows).hasSize(3);
    Object[] open =
        rows.stream().filter(r -> r[0].equals("in_1Pq0003XyZ")).findFirst().orElseThrow();
    assertThat(open)
        .containsExactly(
            "in_1Pq0003XyZ",
            "cus_Q0003",
            "PAW-0003",
            "open",
            "usd",
            3000L,
            0L,
            3000L,
            1_700_000_300L + 30 * 86400,
            1_700_000_300L,
            "https://invoice.stripe.com/i/acct_1/test_3");

    // Invoice 3 is paid now, and invoice 4 is new: the Events API says so, newest first.
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"object\": \"list\", \"data\": ["
                    + event("evt_2", "invoice.paid", invoice(3, 1_700_000_300L, "paid"))
                    + ","
                    + event("evt_1", "invoice.created", invoice(4, 1_700_000_400L, "draft"))
                    + "], \"has_more\": false, \"url\": \"/v1/events\"}")
            .build());
    long listedAt = java.time.Instant.now().getEpochSecond();
    SyncResult second = stripe().sync("stripe_invoices").toCompletableFuture().join();

    RecordedRequest events = server.takeRequest();
    assertThat(events.getUrl().encodedPath()).isEqualTo("/v1/events");
    assertThat(events.getUrl().queryParameterValues("types[]"))
        .contains("invoice.paid", "invoice.created", "invoice.deleted");
    assertThat(Long.parseLong(events.getUrl().queryParameter("created[gte]")))
        .as("from the first listing's start, less the 300 s lookback")
        .isBetween(listedAt - 400, listedAt - 300);
    assertThat(second.error()).isNull();
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(stripe().rows(stream.table(), new SpecRowMapper(stripe().spec(), stream)))
        .hasSize(4)
        .anySatisfy(
            r -> assertThat(r).startsWith("in_1Pq0003XyZ", "cus_Q0003", "PAW-0003", "paid"));
  }
}
