package dev.paw.runtime.internal.http;

import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.CredentialSource;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Connector specs from YAML text, credentials from a map, and one plain call: the pieces the http
 * tests share.
 */
final class TestConnectors {

  private TestConnectors() {}

  static ConnectorSpec load(String yaml) {
    return ConnectorLoader.load(yaml, "test.yaml").orThrow();
  }

  static CredentialSource credentials(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name)).map(Secret::of);
  }

  /**
   * A client that never retries or follows redirects by itself, so tests see exactly what was sent.
   */
  static OkHttpClient plainClient() {
    return HttpClients.newClient()
        .newBuilder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
  }

  static int send(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    }
  }
}
