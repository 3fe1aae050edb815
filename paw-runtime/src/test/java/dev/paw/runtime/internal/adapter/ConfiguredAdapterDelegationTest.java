package dev.paw.runtime.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Paw.connector} hands hosts a {@link ConfiguredAdapter}, which runs everything through a
 * {@link DirectRestAdapter}. A protocol method with a refusing default that the direct adapter
 * implements must be passed on too, or hosts lose it silently ({@code paw sync --full}, paged list
 * actions and {@code --drop-data} each did once).
 */
class ConfiguredAdapterDelegationTest {

  @Test
  void everyProtocolMethodTheDirectAdapterImplementsIsPassedOn() {
    List<String> missing =
        Arrays.stream(ConnectorProtocol.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> declares(DirectRestAdapter.class, m))
            .filter(m -> !declares(ConfiguredAdapter.class, m))
            .map(Method::toGenericString)
            .toList();
    assertThat(missing).isEmpty();
  }

  private static boolean declares(Class<?> type, Method method) {
    try {
      type.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
