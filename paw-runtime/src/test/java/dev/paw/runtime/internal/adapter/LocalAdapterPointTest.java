package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.ActionRefusedException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter point as a third-party module uses it: an adapter registered in a {@code
 * META-INF/services} file on a class loader given to paw runs the connector's LOCAL actions with
 * the connection's credentials and the runtime's limits, behind the parameter checks, the trust
 * gate and the audit trail; a host's {@code localActions} wins over it; without either, the
 * one-line message names what is missing.
 */
class LocalAdapterPointTest {

  /** Opened once per connection; says what it was given. */
  public static final class EchoAdapter implements LocalActions.Adapter {

    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public String connector() {
      return "echo";
    }

    @Override
    public LocalActions open(ScopedCredentials credentials, RuntimeLimits limits) {
      OPENED.incrementAndGet();
      return (action, params, pocket) ->
          ActionResult.ofJson(
              action.name(),
              JsonNodeFactory.instance
                  .objectNode()
                  .put("said", String.valueOf(params.get("text")))
                  .put("times", (Long) params.get("times"))
                  .put("token_length", credentials.require("ECHO_TOKEN").reveal().length())
                  .put("timeout_seconds", limits.queryTimeout().toSeconds())
                  .put("pocket", pocket.name()),
              Duration.ZERO);
    }
  }

  @TempDir Path dir;

  private Path connectors;
  private ClassLoader withAdapter;

  @BeforeEach
  void connectorAndAdapterModule() throws Exception {
    connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        connectors.resolve("echo.yaml"),
        """
        name: echo
        auth:
          method: none
          credentials:
            - name: ECHO_TOKEN
              required: true
        actions:
          - name: say
            method: LOCAL
            params:
              text: { type: string, required: true }
              times: { type: integer, default: 2 }
            trust_level: auto
          - name: shout
            method: LOCAL
            params:
              text: { type: string, required: true }
            trust_level: confirm
        """);
    Path module = dir.resolve("module");
    Path services = Files.createDirectories(module.resolve("META-INF/services"));
    Files.writeString(
        services.resolve("dev.paw.runtime.LocalActions$Adapter"), EchoAdapter.class.getName());
    withAdapter =
        new URLClassLoader(new URL[] {module.toUri().toURL()}, getClass().getClassLoader());
  }

  private Paw paw(ClassLoader loader, Map<String, LocalActions> hostActions) {
    var builder =
        Paw.builder()
            .home(PawHome.at(dir.resolve("home")))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .classLoader(loader)
            .limits(RuntimeLimits.defaults().withQueryTimeout(Duration.ofSeconds(7)));
    hostActions.forEach(builder::localActions);
    return builder.build();
  }

  private static Throwable failure(Runnable call) {
    try {
      call.run();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("did not fail");
  }

  @Test
  void anAdapterOnTheClassPathRunsTheActionsBehindTheRuntimesChecks() throws Exception {
    try (Paw paw = paw(withAdapter, Map.of())) {
      assertThat(paw.missingLocalAdapter("echo")).isEmpty();
      Pocket pocket = paw.pocket("Echo");
      paw.credentials(pocket, "echo").put("ECHO_TOKEN", Secret.of("tok-123"));
      int opened = EchoAdapter.OPENED.get();
      var echo = paw.connector(pocket, "echo");

      var result = echo.execute("say", Map.of("text", "hi")).toCompletableFuture().join().json();
      assertThat(result.toString())
          .isEqualTo(
              "{\"said\":\"hi\",\"times\":2,\"token_length\":7,\"timeout_seconds\":7,"
                  + "\"pocket\":\"Echo\"}");
      echo.execute("say", Map.of("text", "again")).toCompletableFuture().join();
      assertThat(EchoAdapter.OPENED.get()).as("opened once per connection").isEqualTo(opened + 1);

      assertThat(failure(() -> echo.execute("say", Map.of()).toCompletableFuture().join()))
          .hasMessageContaining("text");
      assertThat(
              failure(
                  () -> echo.execute("shout", Map.of("text", "x")).toCompletableFuture().join()))
          .isInstanceOf(ActionRefusedException.class);
      assertThat(paw.audit(pocket).read(AuditQuery.recent()))
          .extracting(e -> e.target() + " " + e.outcome())
          .contains("say " + AuditOutcome.OK, "shout " + AuditOutcome.REFUSED);
    }
  }

  @Test
  void aHostsLocalActionsWinOverTheAdapter() {
    LocalActions host =
        (action, params, pocket) ->
            ActionResult.ofJson(
                action.name(),
                JsonNodeFactory.instance.objectNode().put("by", "host"),
                Duration.ZERO);
    try (Paw paw = paw(withAdapter, Map.of("echo", host))) {
      Pocket pocket = paw.pocket("Echo");
      paw.credentials(pocket, "echo").put("ECHO_TOKEN", Secret.of("tok"));
      assertThat(
              paw.connector(pocket, "echo")
                  .execute("say", Map.of("text", "hi"))
                  .toCompletableFuture()
                  .join()
                  .json()
                  .get("by")
                  .asText())
          .isEqualTo("host");
    }
  }

  @Test
  void withoutAnAdapterTheActionSaysWhichIsMissing() {
    try (Paw paw = paw(getClass().getClassLoader(), Map.of())) {
      assertThat(paw.missingLocalAdapter("echo"))
          .contains(
              "connector 'echo' needs a local adapter, and none is installed: its LOCAL actions"
                  + " (say, shout) run only through a module on paw's class path that registers a"
                  + " dev.paw.runtime.LocalActions$Adapter for 'echo' with ServiceLoader"
                  + " (docs/adapters.md)");
      Pocket pocket = paw.pocket("Echo");
      paw.credentials(pocket, "echo").put("ECHO_TOKEN", Secret.of("tok"));
      assertThatThrownBy(
              () ->
                  paw.connector(pocket, "echo")
                      .execute("say", Map.of("text", "hi"))
                      .toCompletableFuture()
                      .join())
          .hasRootCauseInstanceOf(UnsupportedOperationException.class)
          .hasRootCauseMessage(
              "connector 'echo' needs a local adapter, and none is installed: its LOCAL actions"
                  + " (say) run only through a module on paw's class path that registers a"
                  + " dev.paw.runtime.LocalActions$Adapter for 'echo' with ServiceLoader"
                  + " (docs/adapters.md)");
    }
  }
}
