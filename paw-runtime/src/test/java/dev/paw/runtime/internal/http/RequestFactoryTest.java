package dev.paw.runtime.internal.http;

import static dev.paw.runtime.internal.http.TestConnectors.credentials;
import static dev.paw.runtime.internal.http.TestConnectors.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.spec.ConnectorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {

  private static final String STRIPE =
      """
      name: stripe
      auth:
        method: api_key
        credentials:
          - {name: STRIPE_API_KEY, required: true}
      actions:
        - name: list_invoices
          url: https://api.stripe.com/v1/invoices
          params:
            limit: { type: integer, default: 25 }
            status: { type: string, enum: [draft, open, paid] }
            customer: { type: string }
            expand: { type: object }
            paid: { type: boolean }
            min_amount: { type: number }
          trust_level: auto
        - name: create_invoice
          method: POST
          url: https://api.stripe.com/v1/invoices
          content_type: form
          body:
            customer: { type: string, required: true }
            days_until_due: { type: integer, default: 30 }
            metadata: { type: object }
            items: { type: object }
        - name: delete_customer
          method: DELETE
          url: https://api.stripe.com/v1/customers/{id}
          params:
            id: { type: string, required: true }
          trust_level: restricted
      """;

  private static final String REST =
      """
      name: rest_api
      base_url: https://api.example.com/v2
      auth:
        method: bearer
        credentials:
          - {name: API_TOKEN}
      actions:
        - name: create_item
          method: POST
          url: /items
          body:
            name: { type: string, required: true }
            price: { type: number }
            tags: { type: object }
            attributes: { type: object }
        - name: replace_item
          method: PUT
          url: items/{id}
          params:
            id: { type: integer, required: true }
          body:
            name: { type: string }
        - name: patch_item
          method: PATCH
          url: /items/{id}
          params:
            id: { type: integer, required: true }
          body:
            name: { type: string }
        - name: search
          url: /search
          params:
            q: { type: string, required: true }
          body:
            filter: { type: string }
          trust_level: auto
      """;

  @StartStop public final MockWebServer server = new MockWebServer();

  private final OkHttpClient client = TestConnectors.plainClient();

  private RecordedRequest send(ConnectorSpec spec, String action, Map<String, ?> params)
      throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Request request =
        new RequestFactory(spec, credentials(Map.of()), server.url("/")).create(action, params);
    TestConnectors.send(client, request);
    return server.takeRequest();
  }

  @Test
  void defaultsAreAppliedAndQueryValuesEncodedPlainly() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("status", "open");
    params.put("paid", true);
    params.put("min_amount", 1e10);
    params.put("expand", Map.of("created[gte]", 1700000000));

    HttpUrl url = send(load(STRIPE), "list_invoices", params).getUrl();

    assertThat(url.encodedPath()).isEqualTo("/v1/invoices");
    assertThat(url.queryParameter("limit")).isEqualTo("25");
    assertThat(url.queryParameter("status")).isEqualTo("open");
    assertThat(url.queryParameter("paid")).isEqualTo("true");
    assertThat(url.queryParameter("min_amount")).isEqualTo("10000000000");
    assertThat(url.queryParameter("created[gte]")).isEqualTo("1700000000");
    assertThat(url.queryParameterNames()).doesNotContain("customer", "expand");
  }

  @Test
  void arraysInTheQueryRepeatTheKey() throws Exception {
    HttpUrl url =
        send(
                load(STRIPE),
                "list_invoices",
                Map.of("expand", List.of("data.customer", "data.charge")))
            .getUrl();

    assertThat(url.queryParameterValues("expand")).containsExactly("data.customer", "data.charge");
  }

  @Test
  void formBodiesNestTheStripeWay() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("customer", "cus_1");
    params.put("metadata", Map.of("order", "6735"));
    params.put("items", List.of(Map.of("price", "p1", "quantity", 2)));

    RecordedRequest request = send(load(STRIPE), "create_invoice", params);

    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    String body = request.getBody().utf8();
    assertThat(body.split("&"))
        .contains(
            "customer=cus_1",
            "days_until_due=30",
            "metadata%5Border%5D=6735",
            "items%5B0%5D%5Bprice%5D=p1",
            "items%5B0%5D%5Bquantity%5D=2");
  }

  @Test
  void jsonBodiesHoldTheBodyFieldsOnly() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", "Widget");
    params.put("price", 9.5);
    params.put("tags", List.of("a", "b"));
    params.put("attributes", Map.of("color", "red"));

    RecordedRequest request = send(load(REST), "create_item", params);

    assertThat(request.getUrl().encodedPath())
        .as("the override replaced the base path /v2")
        .isEqualTo("/items");
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(new ObjectMapper().readTree(request.getBody().utf8()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"name\":\"Widget\",\"price\":9.5,\"tags\":[\"a\",\"b\"],\"attributes\":{\"color\":\"red\"}}"));
  }

  @Test
  void everyMethodIsSentAsDeclared() throws Exception {
    assertThat(send(load(REST), "replace_item", Map.of("id", 7, "name", "x")).getRequestLine())
        .isEqualTo("PUT /items/7 HTTP/1.1");
    assertThat(send(load(REST), "patch_item", Map.of("id", 7L)).getRequestLine())
        .isEqualTo("PATCH /items/7 HTTP/1.1");
    RecordedRequest delete = send(load(STRIPE), "delete_customer", Map.of("id", "cus_9"));
    assertThat(delete.getRequestLine()).isEqualTo("DELETE /v1/customers/cus_9 HTTP/1.1");
    assertThat(delete.getBodySize()).isZero();
  }

  @Test
  void bodyFieldsOfAGetGoToTheQuery() throws Exception {
    HttpUrl url = send(load(REST), "search", Map.of("q", "x", "filter", "new")).getUrl();

    assertThat(url.queryParameter("filter")).isEqualTo("new");
  }

  @Test
  void everyProblemIsReportedAtOnceAndNothingIsSent() {
    RequestFactory factory =
        new RequestFactory(load(STRIPE), credentials(Map.of()), server.url("/"));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("limit", "ten");
    params.put("status", "bogus");
    params.put("paid", "yes");
    params.put("limt", 3);

    assertThatThrownBy(() -> factory.create("list_invoices", params))
        .isInstanceOfSatisfying(
            InvalidParametersException.class,
            e -> {
              assertThat(e.parameters())
                  .containsExactlyInAnyOrder("limt", "limit", "status", "paid");
              assertThat(e.getMessage())
                  .contains(
                      "unknown parameter 'limt'",
                      "'limit' must be an integer, not a string",
                      "'status' must be one of ['draft', 'open', 'paid'], not 'bogus'",
                      "'paid' must be a boolean");
            });
    assertThatThrownBy(() -> factory.create("create_invoice", Map.of()))
        .isInstanceOfSatisfying(
            InvalidParametersException.class,
            e -> assertThat(e.parameters()).containsExactly("customer"))
        .hasMessageContaining("missing required parameter 'customer'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void typeErrorsNeverEchoTheValue() {
    ConnectorSpec spec =
        load(
            """
        name: login
        auth: {method: none}
        actions:
          - name: sign_in
            method: POST
            url: https://example.com/login
            body:
              password: { type: integer }
        """);
    RequestFactory factory = new RequestFactory(spec, credentials(Map.of()), null);

    assertThatThrownBy(() -> factory.create("sign_in", Map.of("password", "hunter2-secret")))
        .hasMessageContaining("'password'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void anOverrideReplacesTheOriginOfAbsoluteUrls() {
    Request request =
        new RequestFactory(
                load(STRIPE),
                credentials(Map.of()),
                HttpUrl.get("http://127.0.0.1:9999/stripe-mock/"))
            .create("list_invoices", Map.of());

    assertThat(request.url().toString())
        .isEqualTo("http://127.0.0.1:9999/stripe-mock/v1/invoices?limit=25");
  }

  @Test
  void anOverrideReplacesTheBaseUrlAndItsPath() {
    Request request =
        new RequestFactory(
                load(REST), credentials(Map.of()), HttpUrl.get("https://ghe.example.com/api/v3"))
            .create("replace_item", Map.of("id", 1));

    assertThat(request.url().toString()).isEqualTo("https://ghe.example.com/api/v3/items/1");
  }

  @Test
  void withoutAnOverrideRelativeUrlsJoinTheBaseUrl() {
    Request request =
        new RequestFactory(load(REST), credentials(Map.of()), null)
            .create("replace_item", Map.of("id", 1));

    assertThat(request.url().toString()).isEqualTo("https://api.example.com/v2/items/1");
    assertThat(request.header("Authorization")).as("auth is the interceptor's job").isNull();
  }

  @Test
  void unknownAndLocalActionsAreRefused() {
    ConnectorSpec spec =
        load(
            """
        name: csv
        actions:
          - name: import_file
            method: LOCAL
            params:
              path: { type: string }
        """);
    assertThatThrownBy(
            () ->
                new RequestFactory(spec, credentials(Map.of()), null)
                    .create("import_file", Map.of()))
        .hasMessageContaining("LOCAL");
    assertThatThrownBy(
            () -> new RequestFactory(spec, credentials(Map.of()), null).create("nope", Map.of()))
        .hasMessageContaining("has no action 'nope'");
  }
}
