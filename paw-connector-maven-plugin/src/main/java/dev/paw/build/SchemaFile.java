package dev.paw.build;

import dev.paw.spec.ConnectorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the connector file JSON Schema (paw-spec's {@code dev/paw/spec/connector.schema.json}, on
 * the plugin's classpath) into the build directory, so a project's connector files can name it by a
 * path every build of theirs has: {@code target/paw/connector.schema.json}.
 */
public final class SchemaFile {

  /** The schema's name in the directory it is written to. */
  public static final String NAME = "connector.schema.json";

  private static final String RESOURCE = "/dev/paw/spec/connector.schema.json";

  private SchemaFile() {}

  /**
   * Writes the schema into {@code directory} unless it is there already with the same content.
   *
   * @return the schema file
   */
  public static Path write(Path directory) throws IOException {
    byte[] schema;
    try (InputStream in = ConnectorSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the plugin's classpath has no " + RESOURCE);
      }
      schema = in.readAllBytes();
    }
    Path file = directory.resolve(NAME);
    if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), schema)) {
      Files.createDirectories(directory);
      Files.write(file, schema);
    }
    return file;
  }
}
