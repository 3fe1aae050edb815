package dev.paw.runtime.registry;

import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * A connector the registry found: compiled (with generated mappers) or loaded from a YAML file
 * (mapped by the interpreter). Both run through the same engine.
 *
 * @param file the YAML file it was loaded from; {@code null} for a compiled connector
 */
public record RegisteredConnector(
    ConnectorSpec spec, Map<String, RowMapper<?>> compiledMappers, Path file) {

  public RegisteredConnector {
    compiledMappers = Map.copyOf(compiledMappers);
  }

  public String name() {
    return spec.name();
  }

  public boolean isCompiled() {
    return file == null;
  }

  /** The mapper of a stream: the generated one when compiled, else one that interprets the spec. */
  public RowMapper<?> mapper(StreamSpec stream) {
    RowMapper<?> compiled = compiledMappers.get(stream.table());
    return compiled != null ? compiled : new SpecRowMapper(spec, stream);
  }

  /** Where it came from, for listings: the file, or "compiled". */
  public String origin() {
    return isCompiled() ? "compiled" : file.toString();
  }
}
