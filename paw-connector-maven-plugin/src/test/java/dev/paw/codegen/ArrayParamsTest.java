package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Array parameters are lists of their declared {@code items} type, and of strings when the file
 * says none.
 */
class ArrayParamsTest {

  @Test
  void arrayParametersAreListsOfTheirItemType(@TempDir Path work) throws Exception {
    ConnectorSpec spec =
        ConnectorLoader.load(
                """
        name: incidents
        base_url: https://api.incidents.example
        actions:
          - name: list_incidents
            url: /incidents
            trust_level: auto
            params:
              service_ids: { type: array, items: integer, default: [1, 2] }
              scores: { type: array, items: number, default: [1, 2.5] }
              tags: { type: array }
        """,
                "connectors/incidents.yaml")
            .orThrow();
    InMemoryCompiler.Compilation compiled =
        InMemoryCompiler.compile(new ConnectorGenerator("com.example").generate(spec), work);
    assertThat(compiled.diagnostics()).isEmpty();

    Class<?> params = compiled.load("com.example.incidents.ListIncidentsParams");
    assertThat(params.getMethod("serviceIds").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<java.lang.Long>");
    assertThat(params.getMethod("scores").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<java.lang.Double>");
    assertThat(params.getMethod("tags").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<java.lang.String>");
    Object builder = params.getMethod("builder").invoke(null);
    params.getClasses()[0].getMethod("tags", List.class).invoke(builder, List.of("a", "b"));
    Object built = builder.getClass().getMethod("build").invoke(builder);
    assertThat(params.getMethod("toMap").invoke(built))
        .isEqualTo(
            Map.of(
                "service_ids",
                List.of(1L, 2L),
                "scores",
                List.of(1.0, 2.5),
                "tags",
                List.of("a", "b")));
  }
}
