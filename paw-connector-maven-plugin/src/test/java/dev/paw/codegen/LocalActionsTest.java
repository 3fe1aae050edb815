package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's {@code LOCAL} actions become an interface and a class that calls it by name: values
 * left out keep the file's defaults, given ones are read as the parameter's type.
 */
class LocalActionsTest {

  @TempDir static Path work;
  static InMemoryCompiler.Compilation compiled;

  @BeforeAll
  static void compile() throws Exception {
    ConnectorSpec spec =
        ConnectorLoader.load(
                """
        name: tuner
        type: file
        auth: { method: none }
        actions:
          - name: tune
            method: LOCAL
            trust_level: auto
            params:
              name: { type: string, required: true }
              ratio: { type: number, default: 0.5 }
              ids: { type: array, items: integer }
              level: { type: integer, enum: [1, 2], default: 1 }
              loud: { type: boolean, default: false }
              extra: { type: object }
          - name: reset
            method: LOCAL
            trust_level: auto
        """,
                "connectors/tuner.yaml")
            .orThrow();
    compiled = InMemoryCompiler.compile(new ConnectorGenerator("com.example").generate(spec), work);
    assertThat(compiled.diagnostics()).isEmpty();
  }

  @Test
  void valuesLeftOutKeepTheFilesDefaultsAndGivenOnesTakeTheirTypes() throws Exception {
    Object params = call("tune", Map.of("name", "x", "ids", List.of(3L, 4L), "loud", "true"));

    assertThat(get(params, "name")).isEqualTo("x");
    assertThat(get(params, "ratio")).isEqualTo(0.5);
    assertThat(get(params, "ids")).isEqualTo(List.of(3L, 4L));
    assertThat(get(get(params, "level"), "wireValue")).isEqualTo(1L);
    assertThat(get(params, "loud")).isEqualTo(true);
    assertThat(call("tune", Map.of("name", "x", "ratio", 2, "level", 2L)))
        .satisfies(p -> assertThat(get(p, "ratio")).isEqualTo(2.0))
        .satisfies(p -> assertThat(get(get(p, "level"), "wireValue")).isEqualTo(2L));
    assertThat(call("reset", Map.of())).isEqualTo("reset");
  }

  @Test
  void anUnknownActionOrAMissingOrWrongValueIsRefusedByName() {
    assertThatThrownBy(() -> call("explode", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the tuner connector has no action 'explode'; it has tune and reset");
    assertThatThrownBy(() -> call("tune", Map.of("name", " ")))
        .hasMessage("tune: parameter 'name' is required");
    assertThatThrownBy(() -> call("tune", Map.of("name", "x", "level", 3)))
        .hasMessage("tune: parameter 'level' must be one of [1, 2], not '3'");
    assertThatThrownBy(() -> call("tune", Map.of("name", "x", "ratio", "high")))
        .hasMessage("tune: parameter 'ratio' must be a number, not 'high'");
  }

  /** Calls an action through the generated class, with an implementation that answers its input. */
  private static Object call(String action, Map<String, ?> values) throws Exception {
    Class<?> actions = compiled.load("com.example.tuner.TunerLocalActions");
    Object implementation =
        Proxy.newProxyInstance(
            actions.getClassLoader(),
            new Class<?>[] {actions},
            (proxy, method, args) -> args == null ? method.getName() : args[0]);
    Method call =
        compiled
            .load("com.example.tuner.TunerLocalActionCalls")
            .getMethod("call", actions, String.class, Map.class);
    try {
      return call.invoke(null, implementation, action, values);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private static Object get(Object params, String name) {
    try {
      return params.getClass().getMethod(name).invoke(params);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
