package dev.paw.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.Paw;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingCredentialExceptionTest {

  @TempDir Path home;

  @Test
  void severalMissingCredentialsAreNamedInPluralWithMatchedQuotes() {
    MissingCredentialException e =
        new MissingCredentialException(
            List.of("TODO_BASE_URL", "TODO_API_KEY"),
            "todo",
            "connector 'todo' in pocket 'Todo Demo'");

    assertThat(e.getMessage())
        .isEqualTo(
            "missing credentials 'TODO_BASE_URL' and 'TODO_API_KEY' for connector 'todo' in pocket"
                + " 'Todo Demo': store them with ScopedCredentials.put (paw connect at the command"
                + " line) or set the environment variables TODO_BASE_URL and TODO_API_KEY");
    assertThat(e.credential()).isEqualTo("TODO_BASE_URL");
    assertThat(e.credentials()).containsExactly("TODO_BASE_URL", "TODO_API_KEY");
  }

  @Test
  void threeAreListedWithCommasAndOneInTheSingular() {
    assertThat(new MissingCredentialException(List.of("A", "B", "C"), null, null).getMessage())
        .startsWith("missing credentials 'A', 'B' and 'C': store them with");
    assertThat(new MissingCredentialException("A", null).getMessage())
        .isEqualTo(
            "missing credential 'A': store it with ScopedCredentials.put (paw connect at the"
                + " command line)");
  }

  @Test
  void aScopedRequireNamesThePocketByTheNameTheUserGave() {
    try (Paw paw =
        Paw.builder()
            .home(PawHome.at(home))
            .environment(Map.of("PAW_MASTER_KEY", "a passphrase for this test"))
            .connectors(List.of())
            .build()) {
      Pocket pocket = paw.pocket("Todo Demo");

      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> paw.credentials(pocket, "todo").require("TODO_API_KEY")))
          .isInstanceOf(MissingCredentialException.class)
          .hasMessageStartingWith(
              "missing credential 'TODO_API_KEY' for connector 'todo' in pocket 'Todo Demo':");
    }
  }
}
