package dev.paw.runtime.internal.http;

import static dev.paw.runtime.internal.http.TestConnectors.credentials;
import static dev.paw.runtime.internal.http.TestConnectors.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.spec.ConnectorSpec;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What the logs say about a call, captured from a System.Logger: everything but the secrets. */
class LoggingInterceptorTest {

  private static final String API_KEY = "key-Zq81x-secret";
  private static final String ACCOUNT = "acct-7781-private";
  private static final String TENANT_TOKEN = "tenant-token-55aa";

  @StartStop public final MockWebServer server = new MockWebServer();

  private final CapturingLogger logger = new CapturingLogger();

  @Test
  void requestsAreLoggedWithEverySecretMasked() throws Exception {
    ConnectorSpec spec =
        load(
            """
        name: svc
        base_url: https://api.example.com
        auth:
          method: api_key
          in: query
          name: api_key
          credential: API_KEY
          headers:
            X-Tenant-Token: "{TENANT_TOKEN}"
          credentials:
            - {name: API_KEY}
            - {name: ACCOUNT_ID}
            - {name: TENANT_TOKEN}
        actions:
          - name: get_account
            url: /accounts/{ACCOUNT_ID}
            params:
              password: { type: string }
              q: { type: string }
            trust_level: auto
        """);
    var values =
        credentials(
            Map.of("API_KEY", API_KEY, "ACCOUNT_ID", ACCOUNT, "TENANT_TOKEN", TENANT_TOKEN));
    Redactor redactor =
        Redactor.of(List.of(Secret.of(API_KEY), Secret.of(ACCOUNT), Secret.of(TENANT_TOKEN)));
    OkHttpClient client =
        ConnectionClientBuilder.on(TestConnectors.plainClient())
            .auth(AuthInterceptor.create(spec.auth(), values, null, spec.name()))
            .logging(new LoggingInterceptor(logger, redactor, Set.of("api_key")))
            .build();
    server.enqueue(
        new MockResponse.Builder().addHeader("Set-Cookie", "sid=" + API_KEY).body("{}").build());

    TestConnectors.send(
        client,
        new RequestFactory(spec, values, server.url("/"))
            .create("get_account", Map.of("password", "hunter2-pw", "q", "visible")));

    assertThat(server.takeRequest().getUrl().queryParameter("api_key"))
        .as("the real request has the key")
        .isEqualTo(API_KEY);
    String log = String.join("\n", logger.lines);
    assertThat(log)
        .contains(
            "--> GET",
            "<-- 200",
            "q=visible",
            "X-Tenant-Token: [redacted]",
            "Set-Cookie: [redacted]",
            "api_key=[redacted]",
            "/accounts/[redacted]");
    assertThat(log).doesNotContain(API_KEY, ACCOUNT, TENANT_TOKEN, "hunter2-pw");
  }

  @Test
  void nothingIsFormattedWhenDebugIsOff() throws Exception {
    logger.enabled = false;
    OkHttpClient client =
        ConnectionClientBuilder.on(TestConnectors.plainClient())
            .logging(new LoggingInterceptor(logger, Redactor.namesOnly(), Set.of()))
            .build();
    server.enqueue(new MockResponse.Builder().body("{}").build());

    TestConnectors.send(client, new okhttp3.Request.Builder().url(server.url("/")).build());

    assertThat(logger.lines).isEmpty();
  }

  /** A System.Logger that keeps every message. */
  static final class CapturingLogger implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean enabled = true;

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return enabled;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + java.text.MessageFormat.format(format, params));
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(level + " " + msgSupplier.get());
    }
  }
}
