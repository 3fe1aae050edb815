package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.paw.spec.Location;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes spec values as Java expressions that rebuild them: {@code new ParamSpec(at(24, 7), "limit", ...)}. It walks
 * the model's records by their components, so the emitted code always matches the model's canonical constructors,
 * and a test can check that the generated descriptor equals the spec loaded from YAML.
 */
final class SpecLiterals {

  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName VALUES = ClassName.get("dev.paw.spec", "Values");
  static final ClassName DURATION = ClassName.get(Duration.class);

  /** The name of the generated method that turns a line and column into a {@link Location} of the source file. */
  static final String AT = "at";

  private SpecLiterals() {}

  /** An expression that evaluates to {@code value}. */
  static CodeBlock of(Object value) {
    if (value == null) {
      return CodeBlock.of("null");
    }
    if (value instanceof String s) {
      return CodeBlock.of("$S", s);
    }
    if (value instanceof Long l) {
      return CodeBlock.of("$LL", l);
    }
    if (value instanceof Integer i) {
      return CodeBlock.of("$L", i);
    }
    if (value instanceof Double d) {
      return CodeBlock.of("$L", doubleLiteral(d));
    }
    if (value instanceof Boolean b) {
      return CodeBlock.of("$L", b);
    }
    if (value instanceof Enum<?> e) {
      return CodeBlock.of("$T.$L", e.getDeclaringClass(), e.name());
    }
    if (value instanceof Duration d) {
      return CodeBlock.of("$T.ofSeconds($LL)", DURATION, d.getSeconds());
    }
    if (value instanceof Location l) {
      return CodeBlock.of("$L($L, $L)", AT, l.line(), l.column());
    }
    if (value instanceof Map<?, ?> map) {
      List<CodeBlock> items = new ArrayList<>();
      map.forEach((k, v) -> {
        items.add(of(k));
        items.add(of(v));
      });
      return CodeBlock.of("$T.map($L)", VALUES, CodeBlock.join(items, ", "));
    }
    if (value instanceof List<?> list) {
      boolean records = !list.isEmpty() && list.get(0) instanceof Record; // an empty list takes its type from the target
      List<CodeBlock> items = list.stream().map(SpecLiterals::of).toList();
      return records
          ? CodeBlock.of("$T.of(\n$>$L$<)", LIST, CodeBlock.join(items, ",\n"))
          : CodeBlock.of("$T.list($L)", VALUES, CodeBlock.join(items, ", "));
    }
    if (value instanceof Record record) {
      return record(record);
    }
    throw new IllegalArgumentException("no literal for " + value.getClass().getName());
  }

  private static CodeBlock record(Record record) {
    List<CodeBlock> args = new ArrayList<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        args.add(of(component.getAccessor().invoke(record)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
      }
    }
    return CodeBlock.of("new $T($L)", record.getClass(), CodeBlock.join(args, ", "));
  }

  private static String doubleLiteral(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("the spec holds no non-finite numbers: " + d);
    }
    return Double.toString(d);
  }
}
