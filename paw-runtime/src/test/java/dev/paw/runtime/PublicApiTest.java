package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Public API signatures must not name types from {@code dev.paw.runtime.internal}. */
class PublicApiTest {

  private static final List<String> API_PACKAGES =
      List.of(
          "dev.paw.runtime",
          "dev.paw.runtime.audit",
          "dev.paw.runtime.credentials",
          "dev.paw.runtime.mapping",
          "dev.paw.runtime.pocket",
          "dev.paw.runtime.registry",
          "dev.paw.runtime.trust");

  private static final String INTERNAL = "dev.paw.runtime.internal.";

  @Test
  void publicSignaturesNameNoInternalType() throws Exception {
    List<Class<?>> types = apiTypes();
    assertThat(types).contains(Paw.class, RuntimeSettings.class);

    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      scan(type, leaks);
    }
    assertThat(leaks).as("public API members naming internal types").isEmpty();
  }

  private static void scan(Class<?> type, List<String> leaks) {
    String name = type.getName();
    Type superclass = type.getGenericSuperclass();
    if (superclass != null) {
      check(name + " extends", superclass.getTypeName(), leaks);
    }
    for (Type iface : type.getGenericInterfaces()) {
      check(name + " implements", iface.getTypeName(), leaks);
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        check(
            name + " record component " + component.getName(),
            component.getGenericType().getTypeName(),
            leaks);
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (exposed(constructor.getModifiers())) {
        check(name + " constructor", constructor.toGenericString(), leaks);
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (exposed(method.getModifiers()) && !method.isSynthetic()) {
        check(name + " method", method.toGenericString(), leaks);
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (exposed(field.getModifiers()) && !field.isSynthetic()) {
        check(name + " field", field.toGenericString(), leaks);
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (exposed(nested.getModifiers())) {
        scan(nested, leaks);
      }
    }
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(String where, String signature, List<String> leaks) {
    if (signature.contains(INTERNAL)) {
      leaks.add(where + ": " + signature);
    }
  }

  /** Public top-level types of the API packages, found in the compiled classes directory. */
  private static List<Class<?>> apiTypes() throws IOException, ClassNotFoundException {
    Path root =
        Paths.get(
            Paw.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath()
                .replace("%20", " "));
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : API_PACKAGES) {
      Path dir = root.resolve(pkg.replace('.', '/'));
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.sorted().toList();
      }
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".class") || fileName.contains("$")) {
          continue;
        }
        String simple = fileName.substring(0, fileName.length() - ".class".length());
        if (simple.equals("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(pkg + "." + simple);
        if (Modifier.isPublic(type.getModifiers())) {
          types.add(type);
        }
      }
    }
    return types;
  }
}
