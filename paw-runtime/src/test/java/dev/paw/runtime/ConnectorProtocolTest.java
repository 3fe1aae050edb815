package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConnectorProtocolTest {

  /** A host reads synced rows without compiling against Jackson or JDBC. */
  @Test
  void theHostApiNamesNeitherJacksonNorJdbc() {
    List<String> signatures = new ArrayList<>();
    for (Class<?> type :
        Stream.concat(
                Stream.of(ConnectorProtocol.class),
                Stream.of(ConnectorProtocol.class.getDeclaredClasses()))
            .toList()) {
      for (Method method : type.getDeclaredMethods()) {
        signatures.add(method.toGenericString());
      }
    }

    assertThat(signatures)
        .isNotEmpty()
        .noneMatch(s -> s.contains("com.fasterxml.jackson"))
        .noneMatch(s -> s.contains("java.sql."));
  }
}
