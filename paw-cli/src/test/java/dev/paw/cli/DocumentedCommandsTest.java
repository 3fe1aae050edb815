package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every {@code paw ...} or {@code ./paw ...} line in a shell code block of README.md and docs/*.md
 * is parsed by picocli against the real command tree, without running it: a renamed or removed
 * subcommand or option, or a value of the wrong type, fails here naming the file and line, so the
 * documented commands cannot rot. The README's Maven commands are run by .ci/run, as written; the
 * other Maven commands must name modules and tests that exist. The benchmark scripts the docs name
 * are not run by the build; they must at least exist and be executable.
 */
class DocumentedCommandsTest {

  /**
   * Code blocks in these languages hold commands; untagged blocks count too. Output goes in {@code
   * text} blocks.
   */
  private static final Set<String> SHELL = Set.of("", "sh", "bash", "shell", "console");

  private static final Pattern SCRIPT =
      Pattern.compile("(?<![\\w./-])((?:[\\w-]+/)*[\\w-]+\\.sh)\\b");

  /** One command line as a document shows it. */
  record Shown(String where, List<String> words) {
    @Override
    public String toString() {
      return where + ": " + String.join(" ", words);
    }
  }

  static Path repositoryRoot() {
    return Path.of(System.getProperty("paw.repositoryRoot", "..")).toAbsolutePath().normalize();
  }

  static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(repositoryRoot().resolve("README.md")));
    try (Stream<Path> docs = Files.list(repositoryRoot().resolve("docs"))) {
      docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  /** The command lines of every shell code block, joined where a line ends with a backslash. */
  static List<Shown> shellLines() throws IOException {
    List<Shown> shown = new ArrayList<>();
    for (Path document : documents()) {
      String name = repositoryRoot().relativize(document).toString();
      List<String> lines = Files.readAllLines(document);
      boolean inShellBlock = false;
      boolean inBlock = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("```")) {
          inShellBlock = !inBlock && SHELL.contains(line.substring(3).strip());
          inBlock = !inBlock;
          continue;
        }
        if (!inShellBlock || line.isEmpty()) {
          continue;
        }
        int first = i;
        StringBuilder command = new StringBuilder(line);
        while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines.get(++i).strip());
        }
        shown.add(new Shown(name + ":" + (first + 1), words(command.toString())));
      }
    }
    return shown;
  }

  /**
   * The paw command lines, without the program name and without leading {@code NAME=value}
   * assignments.
   */
  static Stream<Shown> pawCommands() throws IOException {
    List<Shown> commands = new ArrayList<>();
    for (Shown line : shellLines()) {
      List<String> words = withoutAssignments(line.words());
      if (!words.isEmpty() && (words.get(0).equals("paw") || words.get(0).equals("./paw"))) {
        commands.add(new Shown(line.where(), words.subList(1, words.size())));
      }
    }
    return commands.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pawCommands")
  void parsesAgainstTheRealCommandTree(Shown command) {
    try (CliContext context = new CliContext(new ScriptedTerminal(false), Map.of())) {
      CommandLine cli = new CommandLine(new PawCli(), new PawCli.Factory(context));
      cli.parseArgs(command.words().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      fail(
          command.where()
              + ": paw does not accept '"
              + String.join(" ", command.words())
              + "': "
              + e.getMessage());
    }
  }

  @Test
  void theReadmesCommandsAreAmongThoseChecked() throws IOException {
    // The extraction itself: if it found nothing, the parameterized test above would pass without
    // checking anything.
    assertThat(
            pawCommands()
                .filter(c -> c.where().startsWith("README.md:"))
                .map(c -> String.join(" ", c.words())))
        .contains(
            "demo",
            "connectors list",
            "connectors status",
            "daemon",
            "connect stripe --pocket My Business",
            "run stripe create_refund --pocket My Business -p charge=ch_123");
  }

  @Test
  void anUnknownOptionFailsTheParse() {
    // What parsesAgainstTheRealCommandTree relies on: picocli rejects what paw does not define.
    try (CliContext context = new CliContext(new ScriptedTerminal(false), Map.of())) {
      CommandLine cli = new CommandLine(new PawCli(), new PawCli.Factory(context));
      assertThatThrownBy(() -> cli.parseArgs("connectors", "list", "--colour"))
          .isInstanceOf(CommandLine.UnmatchedArgumentException.class)
          .hasMessageContaining("'--colour'");
    }
  }

  @Test
  void theScriptsTheDocsNameExistAndAreExecutable() throws IOException {
    Set<String> scripts = new TreeSet<>();
    for (Path document : documents()) {
      Matcher m = SCRIPT.matcher(Files.readString(document));
      while (m.find()) {
        scripts.add(m.group(1));
      }
    }
    assertThat(scripts).contains("paw-bench/sync-benchmark.sh", "bench/import-benchmark.sh");
    for (String script : scripts) {
      assertThat(repositoryRoot().resolve(script)).as(script).isRegularFile().isExecutable();
    }
  }

  @Test
  void ciRunsTheReadmesBuildCommandsAsWritten() throws IOException {
    // The README's test command and its command for the example application are run by .ci/run, not
    // here.
    String readme = Files.readString(repositoryRoot().resolve("README.md"));
    Matcher example = Pattern.compile("`(mvn [^`]*exec:java)`").matcher(readme);
    assertThat(example.find()).as("README.md shows how to run generated-example").isTrue();
    assertThat(Files.readAllLines(repositoryRoot().resolve(".ci/run")))
        .contains("mvn -B verify", example.group(1));
  }

  @Test
  void theMavenCommandsNameModulesAndTestsThatExist() throws IOException {
    // Maven commands are not run here (.ci/run runs the README's); what rots in them is a module or
    // test name.
    List<String> testClasses = new ArrayList<>();
    try (Stream<Path> modules = Files.list(repositoryRoot())) {
      for (Path sources :
          modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(sources)) {
          files
              .filter(f -> f.toString().endsWith(".java"))
              .map(f -> sources.relativize(f).toString())
              .map(
                  f ->
                      f.substring(0, f.length() - ".java".length())
                          .replace(File.separatorChar, '.'))
              .forEach(testClasses::add);
        }
      }
    }
    List<Shown> maven =
        shellLines().stream()
            .filter(
                l -> withoutAssignments(l.words()).stream().findFirst().orElse("").equals("mvn"))
            .toList();
    assertThat(maven).map(l -> String.join(" ", l.words())).contains("mvn -B verify");
    for (Shown command : maven) {
      List<String> words = command.words();
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i).equals("-pl") && i + 1 < words.size()) {
          for (String module : words.get(i + 1).split(",")) {
            assertThat(repositoryRoot().resolve(module).resolve("pom.xml"))
                .as(command.where() + ": module " + module)
                .isRegularFile();
          }
        }
        if (words.get(i).startsWith("-Dtest=")) {
          for (String pattern : words.get(i).substring("-Dtest=".length()).split(",")) {
            String glob = pattern.replaceFirst("#.*", "");
            Pattern regex =
                Pattern.compile(
                    (glob.contains(".") ? "" : "(.*\\.)?")
                        + glob.replace(".", "\\.").replace("*", "[^.]*"));
            assertThat(testClasses)
                .as(command.where() + ": no test class matches " + glob)
                .anyMatch(c -> regex.matcher(c).matches());
          }
        }
      }
    }
  }

  private static List<String> withoutAssignments(List<String> words) {
    int i = 0;
    while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      i++;
    }
    return words.subList(i, words.size());
  }

  /**
   * Splits a line as a POSIX shell would for these simple commands: quotes, backslashes, {@code #}
   * comments.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + line);
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
