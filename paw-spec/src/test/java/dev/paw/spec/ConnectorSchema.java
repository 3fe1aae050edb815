package dev.paw.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published JSON Schema of connector files, applied to YAML text the way an editor would see
 * it.
 */
public final class ConnectorSchema {

  /** Where the schema is on the classpath (and in paw-spec's jar). */
  public static final String RESOURCE = "/dev/paw/spec/connector.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema SCHEMA = load();

  private ConnectorSchema() {}

  /** The schema as JSON. */
  public static JsonNode json() {
    try (InputStream in = ConnectorSchema.class.getResourceAsStream(RESOURCE)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The schema's complaints about a connector file, as {@code instance location: message}. The YAML
   * is read as data first (anchors, aliases and merge keys resolved, YAML 1.1 scalars), as the
   * loader reads it.
   */
  public static List<String> validate(String yaml) {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return validate(JSON.valueToTree(document));
  }

  public static List<String> validate(JsonNode document) {
    List<Error> errors = SCHEMA.validate(document);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private static Schema load() {
    try (InputStream in = ConnectorSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
