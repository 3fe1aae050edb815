package dev.paw.runtime.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.registry.RegisteredConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistryTest {

  @TempDir Path dir;

  private Path folder(String name, String... files) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(folder.resolve(files[i]), files[i + 1]);
    }
    return folder;
  }

  @Test
  void findsYamlFilesAndCompiledConnectors() throws Exception {
    Path local = folder("connectors", "weather.yaml", "name: weather\nauth: { method: none }\n");

    ConnectorRegistry registry =
        ConnectorRegistry.discover(List.of(local), getClass().getClassLoader());

    assertThat(registry.all())
        .extracting(RegisteredConnector::name)
        .containsExactly("hello", "weather");
    assertThat(registry.require("hello").isCompiled()).isTrue();
    assertThat(registry.require("weather").file()).isEqualTo(local.resolve("weather.yaml"));
  }

  // Shadowing a built-in used to be silent and on by default; it is now opt-in, so this test opts
  // in.
  @Test
  void theFirstFolderWinsAndAFolderOverridesCompiledCodeWhenAllowed() throws Exception {
    Path first =
        folder("first", "hello.yaml", "name: hello\ndisplay_name: Mine\nauth: { method: none }\n");
    Path second =
        folder(
            "second", "hello.yml", "name: hello\ndisplay_name: Theirs\nauth: { method: none }\n");

    ConnectorRegistry registry =
        ConnectorRegistry.discover(List.of(first, second), getClass().getClassLoader(), true);

    assertThat(registry.require("hello").spec().displayName()).isEqualTo("Mine");
    assertThat(registry.notes()).hasSize(2).anyMatch(n -> n.contains("is shadowed by"));
    assertThat(registry.shadowingNote("hello"))
        .contains(
            "connector 'hello' comes from "
                + first.resolve("hello.yaml")
                + ", shadowing the built-in");
  }

  @Test
  void aCopyOfABuiltInIsNotNoted() throws Exception {
    Path local =
        folder(
            "connectors",
            "hello.yaml",
            """
        # the file the built-in was compiled from, read from another place
        name: hello
        display_name: Hello (compiled)
        auth: { method: none }
        actions: [ { name: greet, url: "https://hello.example/greet", trust_level: auto } ]
        """);

    ConnectorRegistry registry =
        ConnectorRegistry.discover(List.of(local), getClass().getClassLoader());

    assertThat(registry.require("hello").isCompiled()).isTrue();
    assertThat(registry.notes()).isEmpty();
  }

  @Test
  void aFileDoesNotReplaceABuiltInUnlessAllowed() throws Exception {
    Path local =
        folder(
            "connectors",
            "hello.yaml",
            "name: hello\ndisplay_name: Mine\nauth: { method: none }\n");

    ConnectorRegistry registry =
        ConnectorRegistry.discover(List.of(local), getClass().getClassLoader());

    assertThat(registry.require("hello").isCompiled()).isTrue();
    assertThat(registry.shadowingNote("hello")).isEmpty();
    assertThat(registry.notes())
        .singleElement()
        .asString()
        .contains(
            local.resolve("hello.yaml")
                + " is not used:"
                + " it would shadow the built-in connector 'hello'");
  }

  @Test
  void aBrokenFileIsReportedAndSkipped() throws Exception {
    Path local = folder("connectors", "broken.yaml", "name: broken\nauth: { method: nope }\n");

    ConnectorRegistry registry =
        ConnectorRegistry.discover(
            List.of(local, dir.resolve("missing")), getClass().getClassLoader());

    assertThat(registry.find("broken")).isEmpty();
    assertThat(registry.problems())
        .singleElement()
        .asString()
        .contains("broken.yaml:2:17: unknown auth method 'nope'");
  }

  @Test
  void twoFilesOfOneFolderWithOneNameAreAnErrorAsInABuild() throws Exception {
    Path local =
        folder(
            "connectors",
            "a.yaml",
            "name: twin\nauth: { method: none }\n",
            "b.yaml",
            "name: twin\nauth: { method: none }\n");

    ConnectorRegistry registry =
        ConnectorRegistry.discover(List.of(local), getClass().getClassLoader());

    assertThat(registry.require("twin").file()).isEqualTo(local.resolve("a.yaml"));
    assertThat(registry.problems())
        .singleElement()
        .asString()
        .contains("b.yaml:1:1: connector name 'twin' is already declared by");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    ConnectorRegistry registry = ConnectorRegistry.discover(List.of(), getClass().getClassLoader());
    assertThatThrownBy(() -> registry.require("stripe"))
        .hasMessage("no connector named 'stripe' (known: hello)");
  }
}
