package dev.paw.runtime.pocketpaw;

import dev.paw.runtime.Paw;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.pocket.PawHome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The runtime these tests use: a home, a credential store and one folder of connector files. */
final class TestPaws {

  private TestPaws() {}

  /**
   * A runtime over {@code home}, reading connector files from {@code connectors}; no retry pauses.
   */
  static Paw open(Path home, CredentialStore credentials, Path connectors) {
    return Paw.builder()
        .home(PawHome.at(home))
        .credentials(credentials)
        .connectorFolders(List.of(connectors))
        .settings(
            new RuntimeSettings(
                RuntimeSettings.Retry.defaults(), Map.of(), Clock.systemUTC(), d -> {}))
        .build();
  }
}
