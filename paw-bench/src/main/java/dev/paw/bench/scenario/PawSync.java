package dev.paw.bench.scenario;

import dev.paw.bench.connectors.stripe.StripeClient;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A sync through the product as a user runs it: {@link Paw}, a pocket, the Stripe connector
 * connected to the local server, then {@code stripe_invoices} synced. Compiled: the {@link
 * StripeClient} that {@code paw:generate} made from ../connectors/stripe.yaml. YAML: the same file
 * loaded at run time (it shadows the compiled one), mapped by the interpreter. Only the sync call
 * is timed.
 */
final class PawSync {

  private PawSync() {}

  static Outcome run(String apiBase, Path home, boolean compiled) throws IOException, SQLException {
    List<Path> folders = compiled ? List.of() : List.of(yamlFolder(home));
    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(home))
            .credentials(new InMemoryCredentialStore())
            .environment(Map.of())
            .connectorFolders(folders)
            .build()) {
      Pocket pocket = paw.pocket("Bench");
      paw.credentials(pocket, "stripe").put("STRIPE_API_KEY", Secret.of("sk_test_bench"));
      ConnectorProtocol connector = paw.connector(pocket, "stripe");
      connector.connect(ConnectOptions.baseUrl(apiBase)).toCompletableFuture().join();
      StripeClient stripe = new StripeClient(connector);
      String mapper =
          paw.requireConnector("stripe")
              .mapper(connector.spec().stream("stripe_invoices").orElseThrow())
              .getClass()
              .getSimpleName();

      long started = System.nanoTime();
      SyncResult result = stripe.syncInvoices().toCompletableFuture().join();
      double seconds = (System.nanoTime() - started) / 1e9;

      try (Connection db = pocket.openReadOnlyConnection()) {
        return new Outcome(
            result.records(),
            Scenarios.count(db, "stripe_invoices"),
            seconds,
            mapper
                + " "
                + result.pages()
                + " pages, "
                + result.inserted()
                + " inserted, "
                + result.updated()
                + " updated, "
                + result.unchanged()
                + " unchanged");
      }
    }
  }

  /** The connector files shipped in the jar, written where the registry can read them. */
  private static Path yamlFolder(Path home) throws IOException {
    Path folder = Files.createDirectories(home.resolve("yaml-connectors"));
    try (InputStream yaml = PawSync.class.getResourceAsStream("/bench-connectors/stripe.yaml")) {
      if (yaml == null) {
        throw new IOException("stripe.yaml is missing from the jar");
      }
      Files.copy(yaml, folder.resolve("stripe.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }
}
