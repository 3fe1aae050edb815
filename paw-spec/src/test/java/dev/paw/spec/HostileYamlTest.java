package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.diagnostic.Diagnostic;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource bounds of the loader against files built to exhaust it: deep nesting, alias and
 * merge-key bombs, huge files, huge keys and values. Each must end, quickly and within a bounded
 * amount of allocation, in a diagnostic (or a spec, for a large honest file), never in a hang, a
 * stack overflow or an out-of-memory error.
 */
class HostileYamlTest {

  /**
   * Generous for a busy 2-core CI machine (these take 0.1 to 2 s); a real connector file loads in
   * milliseconds.
   */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

  /** Bytes the loading thread may allocate (short-lived garbage included) for a 1 MB input. */
  private static final long ALLOCATION_LIMIT = 512L << 20;

  /**
   * SnakeYAML's scanner copies its buffer as one scalar grows, so a single scalar of n characters
   * costs about 2n^2/1000 bytes of garbage (2 GB at the 1 MB file limit, measured), all of it
   * short-lived. The file size limit is what bounds it.
   */
  private static final long ALLOCATION_LIMIT_ONE_HUGE_SCALAR = 3L << 30;

  private static final String HEAD = "name: shop\n";

  private static ConnectorLoader.Result load(String text) {
    return load(text, ALLOCATION_LIMIT);
  }

  /** Loads {@code text} and checks the time and allocation bounds. */
  private static ConnectorLoader.Result load(String text, long allocationLimit) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    long started = System.nanoTime();

    ConnectorLoader.Result result = ConnectorLoader.load(text, "hostile.yaml");

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
    assertThat(took).as("time to load %,d characters", text.length()).isLessThan(TIME_LIMIT);
    assertThat(allocated)
        .as("bytes allocated to load %,d characters", text.length())
        .isLessThan(allocationLimit);
    return result;
  }

  private static String firstError(ConnectorLoader.Result result) {
    assertThat(result.spec()).isNull();
    return result.errors().get(0).toString();
  }

  @Test
  void aHundredThousandNestedFlowListsAreRefusedAtTheBound() {
    String text = HEAD + "description: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

    assertThat(firstError(load(text)))
        .isEqualTo(
            "hostile.yaml:2:77: the file nests lists and mappings more than 64"
                + " levels deep; refusing to read it");
  }

  @Test
  void deeplyIndentedBlockMappingsAreRefusedAtTheBound() {
    String text =
        HEAD
            + IntStream.range(0, 200)
                .mapToObj(i -> " ".repeat(i) + "k" + i + ":\n")
                .collect(Collectors.joining());

    assertThat(firstError(load(text)))
        .endsWith(
            "the file nests lists and mappings more than 64 levels deep;" + " refusing to read it");
  }

  @Test
  void theBillionLaughsAreRefusedBeforeTheyExpand() {
    StringBuilder text =
        new StringBuilder(HEAD).append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
      String previous = "*a" + (i - 1);
      text.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(IntStream.range(0, 9).mapToObj(j -> previous).collect(Collectors.joining(", ")))
          .append("]\n");
    }

    assertThat(firstError(load(text.toString())))
        .contains(
            "aliases of lists or mappings, which could expand without"
                + " bound (an alias bomb?); refusing to read it");
  }

  @Test
  void aliasesWithinTheAliasBoundStillCannotExpandPastTheNodeBudget() {
    // 32 aliases of lists, each of which repeats the one before: 2^31 nodes if expanded
    StringBuilder text =
        new StringBuilder(
            HEAD
                + "actions:\n  - name: a\n    url: https://api.example.com/a\n"
                + "    trust_level: auto\n    params:\n      p:\n        type: object\n        default:\n"
                + "          l0: &l0 [x, x]\n");
    for (int i = 1; i < 16; i++) {
      text.append("          l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }

    assertThat(firstError(load(text.toString())))
        .contains("the file expands to more than 100000 nodes");
  }

  @Test
  void mergeKeysThatFanOutAreBounded() {
    StringBuilder text =
        new StringBuilder(
            HEAD
                + "x0: &m0 {"
                + IntStream.range(0, 50)
                    .mapToObj(i -> "k" + i + ": v")
                    .collect(Collectors.joining(", "))
                + "}\n");
    for (int i = 1; i < 32; i++) {
      text.append("x")
          .append(i)
          .append(": &m")
          .append(i)
          .append(" {<<: [*m")
          .append(i - 1)
          .append("], own: 1}\n");
    }

    ConnectorLoader.Result result = load(text.toString());

    assertThat(result.errors())
        .map(Diagnostic::toString)
        .allMatch(d -> d.contains("unknown key 'x"));
  }

  @Test
  void aMegabyteOfScalarAliasesSharesOneValue() {
    StringBuilder text = new StringBuilder(HEAD + "s: &s " + "y".repeat(100_000) + "\n");
    for (int i = 0; text.length() < YamlLimits.CHARACTERS - 20; i++) {
      text.append("k").append(i).append(": *s\n");
    }

    assertThat(load(text.toString()).errors()).isNotEmpty().allMatch(Diagnostic::isError);
  }

  @Test
  void aMegabyteKeyIsReportedWithoutComparingItToEveryKnownKey() {
    String text = HEAD + "? \"" + "k".repeat(YamlLimits.CHARACTERS - 40) + "\"\n: 1\n";

    assertThat(firstError(load(text, ALLOCATION_LIMIT_ONE_HUGE_SCALAR)))
        .startsWith("hostile.yaml:2:3: unknown key 'kkkk");
  }

  @Test
  void aMegabyteOfUnknownKeysIsReportedInFull() {
    StringBuilder text = new StringBuilder(HEAD);
    int keys = 0;
    while (text.length() < YamlLimits.CHARACTERS - 100) {
      text.append("unknown_key_number_").append(keys++).append(": 1\n");
    }

    assertThat(load(text.toString()).errors()).hasSize(keys);
  }

  @Test
  void aMegabyteListOfScalarsStopsAtTheNodeBudget() {
    String items = IntStream.range(0, 400_000).mapToObj(i -> "1").collect(Collectors.joining(","));
    String text =
        HEAD
            + "actions:\n  - name: a\n    url: https://api.example.com/a\n    trust_level: auto\n"
            + "    params:\n      p: {type: object, default: ["
            + items
            + "]}\n";

    assertThat(firstError(load(text))).contains("the file expands to more than 100000 nodes");
  }

  @Test
  void aLargeHonestFileStillLoads() {
    StringBuilder text = new StringBuilder(HEAD + "actions:\n");
    int actions = 0;
    while (text.length() < YamlLimits.CHARACTERS - 200) {
      text.append("  - {name: list_items_")
          .append(actions++)
          .append(", url: 'https://api.example.com/items', trust_level: auto}\n");
    }

    ConnectorLoader.Result result = load(text.toString());

    assertThat(result.errors()).isEmpty();
    assertThat(result.spec().actions()).hasSize(actions);
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    byte[] bytes = new byte[YamlLimits.CHARACTERS * 4 + 1];
    java.util.Arrays.fill(bytes, (byte) 'a');
    Files.write(file, bytes);

    ConnectorLoader.Result result = ConnectorLoader.load(file, "huge.yaml");

    assertThat(result.errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "huge.yaml:1:1: the file is larger than a" + " connector file can be (4194305 bytes)");
  }

  @Test
  void aFileJustOverTheCharacterLimitIsRefusedWhole() {
    String text = HEAD + "description: \"" + "\u00e9".repeat(YamlLimits.CHARACTERS) + "\"\n";

    assertThat(
            load(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .errors())
        .map(Diagnostic::toString)
        .containsExactly(
            "hostile.yaml:1:1: the file is larger than a connector file can"
                + " be (more than 1048576 characters)");
  }

  /** The bound the loader applies, named here so the tests read as what they test. */
  private static final class YamlLimits {
    static final int CHARACTERS = dev.paw.spec.yaml.YamlComposer.MAX_CODE_POINTS;
  }
}
