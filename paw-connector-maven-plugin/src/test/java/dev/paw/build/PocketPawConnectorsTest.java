package dev.paw.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.codegen.SharedConnectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PocketPaw connector files (in {@code ../shared} beside the checkout) pass through the
 * whole engine.
 */
@EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
class PocketPawConnectorsTest {

  @TempDir Path dir;

  @Test
  void everyFileValidatesAndGeneratesThenIsUpToDate() throws Exception {
    Path shared = SharedConnectors.directory();
    SourceSet set = new SourceSet(dir, shared, List.of(), List.of());
    RecordingLog log = new RecordingLog();

    ValidationResult validation = new PawBuild(log).validate(new ValidateRequest(set, false));
    GenerateRequest request =
        new GenerateRequest(
            set,
            dir.resolve("java"),
            dir.resolve("res"),
            dir.resolve("state"),
            "com.example.paw",
            "1.0",
            false);
    GenerationResult first = new PawBuild(log).generate(request);
    GenerationResult second = new PawBuild(log).generate(request);

    assertThat(validation.files()).isGreaterThanOrEqualTo(30);
    assertThat(log.at("ERROR")).isEmpty();
    assertThat(log.at("WARN"))
        .allMatch(line -> line.startsWith("../") && line.contains(": warning: "));
    assertThat(first.regenerated()).isEqualTo(validation.files());
    assertThat(dir.resolve("java/com/example/paw/stripe/StripeClient.java")).exists();
    assertThat(second.status()).isEqualTo(GenerationResult.Status.UP_TO_DATE);
  }
}
