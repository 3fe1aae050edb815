package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.TypedResult;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import dev.paw.spec.ConnectorSpec;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Stripe client's typed results, compiled and run against a real local HTTP server: a
 * list action whose records a stream maps answers with the stream's rows, {@code get_balance} with
 * the record of its declared {@code returns}; fields an answer adds or lacks never fail a call, and
 * the raw result is always reachable.
 */
class TypedResultsTest {

  private static final String PKG = "com.example.paw.stripe.";
  private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
  private static InMemoryCompiler.Compilation compiled;
  private static HttpServer server;
  private static Paw paw;
  private static Object client;
  private static ConnectorProtocol connector;

  @BeforeAll
  static void compileAndConnect(@TempDir Path work) throws Exception {
    ConnectorSpec stripe = Connectors.load(Connectors.ours().resolve("stripe.yaml"), "connectors");
    compiled =
        InMemoryCompiler.compile(
            new ConnectorGenerator("com.example.paw").generate(stripe), work.resolve("generated"));
    assertThat(compiled.diagnostics()).isEmpty();

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          String query = exchange.getRequestURI().getQuery();
          String after =
              query == null || !query.contains("starting_after=")
                  ? ""
                  : "@" + query.replaceAll(".*starting_after=([^&]*).*", "$1");
          String body = ANSWERS.getOrDefault(exchange.getRequestURI().getPath() + after, "{}");
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();

    paw =
        Paw.builder()
            .home(PawHome.at(work.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(Connectors.ours()))
            .limits(RuntimeLimits.defaults().withMaxPages(3))
            .build();
    Pocket pocket = paw.pocket("Typed results");
    paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of("sk_test_typed"));
    connector = paw.connector(pocket, "stripe");
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    connector.connect(ConnectOptions.baseUrl(base)).toCompletableFuture().join();
    client =
        compiled
            .load(PKG + "StripeClient")
            .getConstructor(ConnectorProtocol.class)
            .newInstance(connector);
  }

  @AfterAll
  static void stop() throws Exception {
    if (paw != null) {
      paw.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @BeforeEach
  void clear() {
    ANSWERS.clear();
    REQUESTS.clear();
  }

  @Test
  void listActionAnswersWithTheStreamsRowsReadByTheGeneratedMapper() throws Exception {
    ANSWERS.put(
        "/v1/invoices",
        """
        {"object": "list", "has_more": false, "data": [
          {"id": "in_1", "customer": "cus_1", "amount_due": 1200, "status": "open", "brand_new_field": {"x": [1]}},
          {"id": "in_2"}
        ]}""");

    TypedResult.Page<?> result = (TypedResult.Page<?>) call("listInvoices");

    assertThat(REQUESTS).singleElement().asString().startsWith("GET /v1/invoices?limit=25");
    assertThat(result.hasNext()).isFalse();
    List<?> rows = result.records();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getClass().getName()).isEqualTo(PKG + "StripeInvoicesRow");
    assertThat(component(rows.get(0), "id")).isEqualTo("in_1");
    assertThat(component(rows.get(0), "amountDue")).isEqualTo(1200L);
    assertThat(component(rows.get(0), "status")).isEqualTo("open");
    assertThat(component(rows.get(1), "id")).isEqualTo("in_2");
    assertThat(component(rows.get(1), "amountDue")).isNull();
    assertThat(result.raw().status()).isEqualTo(200);
    assertThat(
            result.raw().json().get("data").get(0).get("brand_new_field").get("x").get(0).asInt())
        .isEqualTo(1);
  }

  @Test
  void listActionWithoutItsRecordsAnswersNoRows() throws Exception {
    ANSWERS.put("/v1/charges", "{\"object\": \"list\", \"error\": \"not today\"}");

    TypedResult.Page<?> result = (TypedResult.Page<?>) call("listCharges");

    assertThat(result.records()).isEmpty();
    assertThat(result.hasNext()).isFalse();
    assertThat(result.raw().json().get("error").asText()).isEqualTo("not today");
  }

  @Test
  void listActionPagesLazilyThroughEveryPageUpToTheCap() throws Exception {
    ANSWERS.put("/v1/customers", customers(true, "cus_1", "cus_2"));
    ANSWERS.put("/v1/customers@cus_2", customers(true, "cus_3"));
    ANSWERS.put("/v1/customers@cus_3", customers(true, "cus_4", "cus_5"));
    ANSWERS.put("/v1/customers@cus_5", customers(false, "cus_6"));

    TypedResult.Page<?> first = (TypedResult.Page<?>) call("listCustomers");

    assertThat(REQUESTS).as("the first page only, until more are asked for").hasSize(1);
    assertThat(first.number()).isEqualTo(1);
    assertThat(first.records()).hasSize(2);
    assertThat(first.records().get(0).getClass().getName()).isEqualTo(PKG + "StripeCustomersRow");
    assertThat(first.hasNext()).isTrue();

    List<Object> ids = first.stream().map(row -> component(row, "id")).toList();

    assertThat(ids)
        .as("pages 1 to 3: the runtime's page cap is 3")
        .containsExactly("cus_1", "cus_2", "cus_3", "cus_4", "cus_5");
    assertThat(REQUESTS)
        .containsExactly(
            "GET /v1/customers?limit=25",
            "GET /v1/customers?starting_after=cus_2&limit=25",
            "GET /v1/customers?starting_after=cus_3&limit=25");
    TypedResult.Page<?> third = first.next().next();
    assertThat(third.number()).isEqualTo(3);
    assertThat(third.hasNext()).isFalse();
    assertThat(third.capped()).as("the service had a fourth page").isTrue();
  }

  @Test
  void aListActionNoStreamMapsPagesWithJsonTrees() throws Exception {
    ANSWERS.put("/v1/refunds", customers(true, "re_1", "re_2"));
    ANSWERS.put("/v1/refunds@re_2", customers(false, "re_3"));

    TypedResult.Page<?> first = (TypedResult.Page<?>) call("listRefunds");

    assertThat(first.records().get(0)).isInstanceOf(JsonNode.class);
    assertThat(first.stream().map(r -> ((JsonNode) r).get("id").asText()).toList())
        .containsExactly("re_1", "re_2", "re_3");
    assertThat(REQUESTS)
        .containsExactly(
            "GET /v1/refunds?limit=25", "GET /v1/refunds?starting_after=re_2&limit=25");
  }

  @Test
  void theBlockingClientAnswersValuesAndThrowsTheRefusalItself() throws Exception {
    ANSWERS.put("/v1/customers", customers(false, "cus_1"));
    Object blocking =
        compiled
            .load(PKG + "StripeBlockingClient")
            .getConstructor(ConnectorProtocol.class)
            .newInstance(connector);

    Object page = blocking.getClass().getMethod("listCustomers").invoke(blocking);
    assertThat(((TypedResult.Page<?>) page).records()).hasSize(1);

    Object params = builder("CreateRefundParams");
    params = params.getClass().getMethod("charge", String.class).invoke(params, "ch_1");
    params = params.getClass().getMethod("amount", long.class).invoke(params, 500L);
    Object built = params.getClass().getMethod("build").invoke(params);
    Method refund = blocking.getClass().getMethod("createRefund", built.getClass());
    assertThatThrownBy(
            () -> {
              try {
                refund.invoke(blocking, built);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            })
        .as("the refusal itself, not a CompletionException around it")
        .isInstanceOf(ActionRefusedException.class);
    assertThat(REQUESTS).containsExactly("GET /v1/customers?limit=25");
  }

  @Test
  void builderSettersTakePrimitivesAndOneRequiredParameterHasAShortcut() throws Exception {
    Class<?> builder = compiled.load(PKG + "CreateRefundParams$Builder");
    assertThat(builder.getMethod("amount", long.class)).isNotNull();
    assertThatThrownBy(() -> builder.getMethod("amount", Long.class))
        .isInstanceOf(NoSuchMethodException.class);
    Class<?> listBuilder = compiled.load(PKG + "ListProductsParams$Builder");
    assertThat(listBuilder.getMethod("active", boolean.class)).isNotNull();
    assertThat(listBuilder.getMethod("limit", long.class)).isNotNull();
    assertThat(listBuilder.getMethod("clearLimit")).as("unsets the default").isNotNull();
    assertThat(client.getClass().getMethod("getCustomer", String.class)).isNotNull();

    ANSWERS.put("/v1/customers/cus_9", "{\"id\": \"cus_9\"}");
    Object stage = client.getClass().getMethod("getCustomer", String.class).invoke(client, "cus_9");
    ((CompletionStage<?>) stage).toCompletableFuture().join();
    assertThat(REQUESTS).containsExactly("GET /v1/customers/cus_9");
  }

  private static Object builder(String params) throws Exception {
    return compiled.load(PKG + params).getMethod("builder").invoke(null);
  }

  private static String customers(boolean hasMore, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\": \"").append(id).append("\"}");
    }
    return "{\"object\": \"list\", \"has_more\": " + hasMore + ", \"data\": [" + data + "]}";
  }

  @Test
  void declaredReturnsGiveARecordOfTheirOwn() throws Exception {
    ANSWERS.put(
        "/v1/balance",
        """
        {"object": "balance", "livemode": false, "available": [{"amount": 500, "currency": "usd"}],
         "connect_reserved": [], "instant_available": [{"amount": 1}]}""");

    TypedResult<?> result = (TypedResult<?>) call("getBalance");

    Object answer = result.value();
    assertThat(answer.getClass().getName()).isEqualTo(PKG + "GetBalanceAnswer");
    assertThat(component(answer, "livemode")).isEqualTo(false);
    assertThat(component(answer, "available").toString())
        .as("a json field is a JsonNode")
        .isEqualTo("[{\"amount\":500,\"currency\":\"usd\"}]");
    assertThat(component(answer, "pending")).as("a field the answer lacks").isNull();
    assertThat(result.raw().json().get("instant_available")).isNotNull();
    assertThat(REQUESTS).containsExactly("GET /v1/balance");
  }

  @Test
  void aFieldOfTheWrongTypeFailsOnlyTheValueNamingTheField() throws Exception {
    ANSWERS.put("/v1/balance", "{\"livemode\": \"sometimes\"}");

    TypedResult<?> result = (TypedResult<?>) call("getBalance");

    assertThat(result.raw().text()).isEqualTo("{\"livemode\": \"sometimes\"}");
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'get_balance'")
        .hasMessageContaining("field 'livemode'");
  }

  @Test
  void anAnswerThatIsNotAnObjectGivesNoValues() throws Exception {
    ANSWERS.put("/v1/balance", "[1, 2]");

    Object answer = ((TypedResult<?>) call("getBalance")).value();

    assertThat(component(answer, "livemode")).isNull();
    assertThat(component(answer, "available")).isNull();
  }

  private static Object call(String method) throws Exception {
    try {
      CompletionStage<?> stage =
          (CompletionStage<?>) client.getClass().getMethod(method).invoke(client);
      return stage.toCompletableFuture().join();
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Object component(Object record, String name) {
    try {
      return record.getClass().getMethod(name).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
