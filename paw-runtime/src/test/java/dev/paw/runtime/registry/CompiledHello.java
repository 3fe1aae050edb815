package dev.paw.runtime.registry;

import dev.paw.runtime.CompiledConnector;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.util.Map;

/**
 * A compiled connector registered through META-INF/services in the test resources, as generated
 * code is.
 */
public final class CompiledHello implements CompiledConnector {

  static final ConnectorSpec SPEC =
      ConnectorLoader.load(
              """
      name: hello
      display_name: Hello (compiled)
      auth: { method: none }
      actions: [ { name: greet, url: "https://hello.example/greet", trust_level: auto } ]
      """,
              "compiled/hello.yaml")
          .orThrow();

  @Override
  public ConnectorSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, RowMapper<?>> mappers() {
    return Map.of();
  }
}
