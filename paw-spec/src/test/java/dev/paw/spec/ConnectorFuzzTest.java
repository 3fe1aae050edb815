package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paw.spec.diagnostic.Diagnostic;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Coverage-guided fuzzing of the connector parser, reader and linker (Jazzer). Whatever bytes a
 * connector file holds, loading it must end in a spec or in diagnostics at a place in the file: any
 * exception is a bug, and so is a diagnostic that could not be printed as one {@code file:line:col:
 * message} line, or a "valid" spec whose tables the runtime could not create.
 *
 * <p>In a normal test run this is a regression test: it runs once on every seed (our connectors,
 * the PocketPaw files and the invalid corpus, copied next to the class by the build; and the inputs
 * kept under {@code src/test/resources/dev/paw/spec/ConnectorFuzzTestInputs}, which include past
 * findings). To fuzz: {@code JAZZER_FUZZ=1 mvn -pl paw-spec test -Dtest=ConnectorFuzzTest} (see
 * docs/reliability.md); the corpus it grows goes to {@code paw-spec/.cifuzz-corpus} and a finding
 * to a {@code crash-*} file.
 */
class ConnectorFuzzTest {

  private static final String PATH = "fuzz.yaml";

  /** Far above what any input of the fuzzer's sizes takes (milliseconds), far below a hang. */
  private static final long MAX_NANOS_PER_INPUT = TimeUnit.SECONDS.toNanos(5);

  /**
   * The same fuzzing for one minute, which {@code .ci/run} does on every build (with the seeds
   * copied for it: {@code -Dfuzz.method=loadsEveryInputOrDiagnosesItForAMinute}); without {@code
   * JAZZER_FUZZ} it runs one empty input.
   */
  @FuzzTest(maxDuration = "60s")
  void loadsEveryInputOrDiagnosesItForAMinute(byte[] input) {
    loadsEveryInputOrDiagnosesIt(input);
  }

  @FuzzTest(maxDuration = "5m")
  void loadsEveryInputOrDiagnosesIt(byte[] input) {
    long started = System.nanoTime();
    Utf8Text.Decoded decoded = Utf8Text.decode(input);
    if (!decoded.ok()) {
      assertThat(decoded.line()).isPositive();
      assertThat(decoded.column()).isPositive();
      return;
    }
    String text = decoded.text();

    ConnectorLoader.Result result = ConnectorLoader.load(text, PATH);

    assertThat(result.spec() == null)
        .as("a spec exactly when there are no errors: %s", result.diagnostics())
        .isEqualTo(result.hasErrors());
    long lines = text.lines().count() + 1;
    for (Diagnostic diagnostic : result.diagnostics()) {
      assertThat(diagnostic.location().path()).isEqualTo(PATH);
      assertThat(diagnostic.location().line())
          .as("%s", diagnostic)
          .isBetween(1, (int) Math.max(1, lines));
      assertThat(diagnostic.location().column()).as("%s", diagnostic).isPositive();
      assertThat(diagnostic.message()).as("%s", diagnostic).isNotBlank();
      assertThat(diagnostic.toString())
          .as("a diagnostic prints as one line")
          .doesNotContain("\n", "\r");
    }
    assertThat(ConnectorLoader.load(text, PATH).diagnostics())
        .as("loading is deterministic")
        .isEqualTo(result.diagnostics());
    if (result.spec() != null) {
      checkUsable(result.spec());
    }
    assertThat(System.nanoTime() - started)
        .as("nanoseconds to load %d bytes", input.length)
        .isLessThan(MAX_NANOS_PER_INPUT);
  }

  /**
   * What the runtime and the code generator do with a spec that loaded without errors must work.
   */
  private static void checkUsable(ConnectorSpec spec) {
    for (StreamSpec stream : spec.streams()) {
      if (!stream.isRunnable()) {
        continue;
      }
      assertThat(SqlNames.problem(stream.table())).as("table %s", stream.table()).isNull();
      for (ColumnSpec column : stream.columns()) {
        assertThat(SqlNames.problem(column.name())).as("column %s", column.name()).isNull();
      }
      assertThat(TableDdl.of(stream)).startsWith("CREATE TABLE IF NOT EXISTS ");
      assertThat(spec.action(stream.source())).as("the source of %s", stream.table()).isPresent();
    }
    for (ActionSpec action : spec.actions()) {
      if (action.url() != null) {
        assertThat(UrlTemplate.parse(action.url()).error()).as("url of %s", action.name()).isNull();
      }
      List<ParamSpec> params = action.allParams();
      for (ParamSpec param : params) {
        if (param.defaultValue() instanceof Double number) {
          assertThat(Double.isFinite(number))
              .as("default of %s.%s", action.name(), param.name())
              .isTrue();
        }
      }
    }
  }
}
