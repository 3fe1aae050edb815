package dev.paw.runtime.pocketpaw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.testing.SharedConnectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/pocketpaw.md has one row for each PocketPaw connector file, no more, in file order, and
 * every test it names exists.
 */
class PocketPawDocTest {

  private static final Path ROOT =
      Path.of(System.getProperty("paw.repositoryRoot", "..")).toAbsolutePath().normalize();
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w.-]+\\.yaml)` \\|");
  private static final Pattern TEST = Pattern.compile("`(\\w+(?:Test|IT))`");

  @Test
  void theTableListsEveryPocketPawFileOnce() throws IOException {
    Path shared = SharedConnectors.directory();
    List<String> files;
    try (Stream<Path> list = Files.list(shared)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSize(30);
    assertThat(rows()).containsExactlyElementsOf(files);
  }

  @Test
  void everyTestTheDocNamesExists() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/pocketpaw.md"));
    Matcher test = TEST.matcher(doc);
    List<String> names = new ArrayList<>();
    while (test.find()) {
      names.add(test.group(1));
    }
    assertThat(names).isNotEmpty();
    List<String> tests = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.toList()) {
        Path java = module.resolve("src/test/java");
        if (Files.isDirectory(java)) {
          try (Stream<Path> sources = Files.walk(java)) {
            sources.map(p -> p.getFileName().toString()).forEach(tests::add);
          }
        }
      }
    }
    for (String name : names.stream().distinct().toList()) {
      assertThat(tests).as("test %s named in docs/pocketpaw.md", name).contains(name + ".java");
    }
  }

  private static List<String> rows() throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/pocketpaw.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        rows.add(row.group(1));
      }
    }
    return rows;
  }
}
