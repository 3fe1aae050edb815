package dev.paw.spec;

import dev.paw.spec.diagnostic.ConnectorSpecException;
import dev.paw.spec.diagnostic.Diagnostic;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.link.ConnectorLinker;
import dev.paw.spec.read.ReadConnector;
import dev.paw.spec.yaml.ConnectorReader;
import dev.paw.spec.yaml.YamlComposer;
import dev.paw.spec.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way in from a connector file to a linked {@link ConnectorSpec}: read strictly as UTF-8,
 * compose YAML within bounds, read, link. A syntax error stops at the first; every other problem is
 * collected.
 */
public final class ConnectorLoader {

  private ConnectorLoader() {}

  /**
   * The outcome of loading one file: the spec (absent when there are errors) and every diagnostic.
   */
  public record Result(ConnectorSpec spec, List<Diagnostic> diagnostics) {

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
      return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** The spec, or a {@link ConnectorSpecException} listing the errors. */
    public ConnectorSpec orThrow() {
      if (hasErrors()) {
        throw new ConnectorSpecException(errors());
      }
      return spec;
    }
  }

  /**
   * Loads {@code file}.
   *
   * @param displayPath how messages name the file (relative to the project, as the user would write
   *     it)
   */
  public static Result load(Path file, String displayPath) {
    Diagnostics diagnostics = new Diagnostics();
    Location whole = Location.file(displayPath).at(1, 1);
    byte[] bytes;
    try {
      if (Files.size(file) > YamlComposer.MAX_CODE_POINTS * 4L) {
        diagnostics.error(
            whole,
            "the file is larger than a connector file can be (" + Files.size(file) + " bytes)");
        return new Result(null, diagnostics.all());
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(Location.file(displayPath), "cannot read the file: " + e.getMessage());
      return new Result(null, diagnostics.all());
    }
    Utf8Text.Decoded decoded = Utf8Text.decode(bytes);
    if (!decoded.ok()) {
      diagnostics.error(
          whole.at(decoded.line(), decoded.column()),
          String.format(
              "the file is not valid UTF-8" + " (byte 0x%02X); save it as UTF-8",
              decoded.badByte()));
      return new Result(null, diagnostics.all());
    }
    String text = decoded.text();
    return load(text, displayPath);
  }

  /** Loads connector YAML given as text. */
  public static Result load(String text, String displayPath) {
    Diagnostics diagnostics = new Diagnostics();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.length() > YamlComposer.MAX_CODE_POINTS
        && body.codePointCount(0, body.length()) > YamlComposer.MAX_CODE_POINTS) {
      diagnostics.error(
          Location.file(displayPath).at(1, 1),
          "the file is larger than a connector file can be (more"
              + " than "
              + YamlComposer.MAX_CODE_POINTS
              + " characters)");
      return new Result(null, diagnostics.all());
    }
    YamlComposer.Result composed = YamlComposer.compose(body, displayPath);
    if (composed.syntaxError() != null) {
      return new Result(null, List.of(composed.syntaxError()));
    }
    ReadConnector read =
        new ConnectorReader(new YamlReader(displayPath, diagnostics))
            .read(composed.root(), displayPath);
    if (read == null) {
      return new Result(null, diagnostics.all());
    }
    ConnectorSpec linked = new ConnectorLinker(diagnostics).link(read);
    return new Result(diagnostics.hasErrors() ? null : linked, diagnostics.all());
  }
}
