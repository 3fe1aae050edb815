package dev.paw.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes a {@link BuildState} as a small tab-separated text file. A missing, unreadable
 * or foreign file reads as no state, which only costs a full regeneration. Writes replace the file
 * atomically.
 */
final class BuildStateStore {

  private static final String MAGIC = "paw-state\t1";

  private final Path file;

  BuildStateStore(Path file) {
    this.file = file;
  }

  Optional<BuildState> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void write(BuildState state) throws IOException {
    StringBuilder text =
        new StringBuilder(
                "# paw:generate state. Deleting it makes the next build regenerate all.\n")
            .append(MAGIC)
            .append('\n')
            .append("config\t")
            .append(state.configDigest())
            .append('\n')
            .append("sources-root\t")
            .append(escape(state.sourcesRoot()))
            .append('\n')
            .append("resources-root\t")
            .append(escape(state.resourcesRoot()))
            .append('\n');
    state
        .inputs()
        .forEach(
            (path, input) -> {
              text.append("input\t")
                  .append(input.digest())
                  .append('\t')
                  .append(escape(path))
                  .append('\n');
              input.outputs().forEach(o -> text.append(line("output", o)));
            });
    state.shared().forEach(o -> text.append(line("shared", o)));
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Forgets the state (when there is nothing left to generate). */
  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private static String line(String kind, OutputFile output) {
    return kind + "\t" + output.root() + "\t" + escape(output.path()) + "\n";
  }

  private static Optional<BuildState> parse(List<String> lines) {
    String config = null;
    String sourcesRoot = null;
    String resourcesRoot = null;
    Map<String, String> digests = new LinkedHashMap<>();
    Map<String, List<OutputFile>> outputs = new LinkedHashMap<>();
    List<OutputFile> shared = new ArrayList<>();
    String currentInput = null;
    boolean magic = false;
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.equals(MAGIC)) {
        magic = true;
        continue;
      }
      String[] fields = line.split("\t", -1);
      switch (fields[0]) {
        case "config" -> config = fields[1];
        case "sources-root" -> sourcesRoot = unescape(fields[1]);
        case "resources-root" -> resourcesRoot = unescape(fields[1]);
        case "input" -> {
          currentInput = unescape(fields[2]);
          digests.put(currentInput, fields[1]);
          outputs.put(currentInput, new ArrayList<>());
        }
        case "output" -> outputs.get(currentInput).add(output(fields));
        case "shared" -> shared.add(output(fields));
        default -> {
          return Optional.empty();
        }
      }
    }
    if (!magic || config == null || sourcesRoot == null || resourcesRoot == null) {
      return Optional.empty();
    }
    Map<String, BuildState.Input> inputs = new LinkedHashMap<>();
    digests.forEach(
        (path, digest) -> inputs.put(path, new BuildState.Input(digest, outputs.get(path))));
    return Optional.of(new BuildState(config, sourcesRoot, resourcesRoot, inputs, shared));
  }

  private static OutputFile output(String[] fields) {
    return new OutputFile(OutputFile.Root.valueOf(fields[1]), unescape(fields[2]));
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      out.append(
          switch (next) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case '\\' -> '\\';
            default -> throw new IllegalArgumentException("bad escape \\" + next);
          });
    }
    return out.toString();
  }
}
