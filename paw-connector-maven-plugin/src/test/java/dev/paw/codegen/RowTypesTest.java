package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RecordException;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated rows as a Java developer reads them: a NOT NULL (primary key) integer column is a
 * {@code long}, nullable columns stay boxed, and {@code json} columns are Jackson trees; a record
 * without its key is refused naming the field, never a {@code NullPointerException}.
 */
class RowTypesTest {

  private static InMemoryCompiler.Compilation compiled;

  @BeforeAll
  static void generate(@TempDir Path work) {
    ConnectorSpec spec =
        ConnectorLoader.load(
                """
        name: todo
        base_url: https://todo.example
        actions:
          - name: list_todos
            url: /todos
            trust_level: auto
            records: items
            pagination: { style: page, param: page, start: 1, size_param: per_page, size: 2 }
        sync:
          - table: todos
            source: list_todos
            primary_key: id
            mapping:
              id: { from: id, type: integer }
              done: { from: done, type: boolean }
              tags: { from: tags, type: json }
        """,
                "connectors/todo.yaml")
            .orThrow();
    compiled = InMemoryCompiler.compile(new ConnectorGenerator("com.example").generate(spec), work);
    assertThat(compiled.diagnostics()).isEmpty();
  }

  @Test
  void notNullColumnsArePrimitivesAndJsonColumnsAreTrees() throws Exception {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (RecordComponent c : compiled.load("com.example.todo.TodosRow").getRecordComponents()) {
      types.put(c.getName(), c.getType());
    }
    assertThat(types)
        .containsExactly(
            Map.entry("id", long.class),
            Map.entry("done", Boolean.class),
            Map.entry("tags", JsonNode.class));
  }

  @Test
  void theMapperReadsJsonAsATreeAndRefusesARecordWithoutItsKey() throws Exception {
    RowMapper<?> mapper =
        (RowMapper<?>) compiled.load("com.example.todo.TodosMapper").getConstructor().newInstance();

    Object row = mapper.read(parser("{\"id\": 7, \"tags\": [\"home\", {\"p\": 1.50}]}"), ctx());
    Object[] values =
        Arrays.stream(row.getClass().getRecordComponents()).map(c -> invoke(c, row)).toArray();
    assertThat(values[0]).isEqualTo(7L);
    assertThat(values[1]).isNull();
    assertThat(((JsonNode) values[2]).get(1).get("p").decimalValue()).isEqualByComparingTo("1.50");

    assertThatThrownBy(() -> mapper.read(parser("{\"done\": true}"), ctx()))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("field 'id'")
        .hasMessageContaining("primary key");
  }

  private static RecordContext ctx() {
    return new RecordContext();
  }

  private static JsonParser parser(String json) throws Exception {
    JsonParser parser = new JsonFactory().createParser(json);
    parser.nextToken();
    return parser;
  }

  private static Object invoke(RecordComponent component, Object row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError(e);
    }
  }
}
