package dev.paw.postgresql;

import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.trust.Approver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A paw whose home is a test folder, running PocketPaw's postgresql file, with the server's
 * credentials put into the encrypted credential store of one pocket.
 */
final class PostgresFixture {

  static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";

  private PostgresFixture() {}

  static Paw paw(Path home, Approver approver, Duration queryTimeout) {
    return Paw.builder()
        .home(PawHome.at(home))
        .environment(Map.of("PAW_MASTER_KEY", MASTER_KEY))
        .connectorFolders(List.of(PocketPawFile.folder()))
        .limits(RuntimeLimits.defaults().withQueryTimeout(queryTimeout))
        .approver(approver)
        .actor("postgres-test")
        .build();
  }

  /** Stores the server's credentials for the pocket's postgresql connection. */
  static void storeCredentials(Paw paw, Pocket pocket, PostgresServer server) {
    ScopedCredentials credentials = paw.credentials(pocket, PostgresAdapter.CONNECTOR);
    credentials.put("PG_HOST", Secret.of("127.0.0.1"));
    credentials.put("PG_PORT", Secret.of(Integer.toString(server.port)));
    credentials.put("PG_DATABASE", Secret.of(PostgresServer.DATABASE));
    credentials.put("PG_USER", Secret.of(PostgresServer.ADMIN));
    credentials.put("PG_PASSWORD", Secret.of(server.password));
    credentials.put("PG_SSL", Secret.of("false"));
  }

  /** Every file under {@code folder} whose bytes hold {@code secret} (as UTF-8 or UTF-16). */
  static List<Path> filesHolding(Path folder, String secret) throws Exception {
    List<Path> found = new ArrayList<>();
    List<byte[]> forms =
        List.of(
            secret.getBytes(StandardCharsets.UTF_8),
            secret.getBytes(StandardCharsets.UTF_16LE),
            secret.getBytes(StandardCharsets.UTF_16BE));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (forms.stream().anyMatch(form -> indexOf(bytes, form) >= 0)) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
