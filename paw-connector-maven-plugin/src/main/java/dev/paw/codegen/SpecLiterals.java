package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.Location;
import dev.paw.spec.OAuth2Spec;
import dev.paw.spec.PaginationSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.Schedule;
import dev.paw.spec.StreamSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes spec values as Java expressions that rebuild them, the way a person would write them: a
 * named factory when one rebuilds the value ({@code PaginationSpec.none(at(35, 5))}), else a
 * builder chain that sets only what differs from the builder's defaults, else the canonical
 * constructor for small records ({@code new ColumnSpec(...)}). Long strings are split into
 * concatenated constants so JavaPoet can wrap them. A test checks that the generated descriptor
 * equals the spec loaded from YAML.
 */
final class SpecLiterals {

  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName VALUES = ClassName.get("dev.paw.spec", "Values");
  static final ClassName DURATION = ClassName.get(Duration.class);

  /**
   * The name of the generated method that turns a line and column into a {@link Location} of the
   * source file.
   */
  static final String AT = "at";

  /** The longest string literal kept whole. */
  private static final int LONGEST_UNSPLIT = 72;

  /** The longest piece of a split string literal. */
  private static final int STRING_PIECE = 60;

  /**
   * Where a long string literal is best broken: after a space, else after a separator of a list,
   * path or query.
   */
  private static final String BREAK_AFTER = " ,/&;";

  /** The longest builder chain (as written with qualified names) kept on one line. */
  private static final int INLINE_CHAIN = 110;

  /** The components each record's {@code builder(...)} factory takes, in order. */
  private static final Map<Class<?>, List<String>> BUILDERS =
      Map.of(
          ConnectorSpec.class, List.of("location", "name"),
          ActionSpec.class, List.of("location", "name"),
          ParamSpec.class, List.of("location", "name", "type"),
          PaginationSpec.class, List.of("location", "style"),
          StreamSpec.class, List.of("location", "table"),
          AuthSpec.class, List.of("location", "method"),
          OAuth2Spec.class, List.of("location", "grant"),
          IncrementalSpec.class, List.of("location", "param"),
          CredentialSpec.class, List.of("location", "name"));

  /**
   * A named static factory that rebuilds some values of a record type from some of their
   * components.
   */
  private record Factory(Class<?> type, String method, List<String> components) {}

  /** Tried in order before a builder; the first that rebuilds the value exactly is used. */
  private static final List<Factory> FACTORIES =
      List.of(
          new Factory(PaginationSpec.class, "none", List.of("location")),
          new Factory(IncrementalSpec.class, "cursor", List.of("location", "cursor", "param")),
          new Factory(Schedule.class, "of", List.of("text")));

  private SpecLiterals() {}

  /** An expression that evaluates to {@code value}. */
  static CodeBlock of(Object value) {
    if (value == null) {
      return CodeBlock.of("null");
    }
    if (value instanceof String s) {
      return string(s);
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
      map.forEach((k, v) -> items.add(CodeBlock.of("$L, $L", of(k), of(v))));
      return CodeBlock.of("$T.map($L)", VALUES, CodeBlock.join(items, ",$W"));
    }
    if (value instanceof List<?> list) {
      boolean records =
          !list.isEmpty()
              && list.get(0) instanceof Record; // an empty list takes its type from the target
      List<CodeBlock> items = list.stream().map(SpecLiterals::of).toList();
      return records
          ? CodeBlock.of("$T.of(\n$>$>$L$<$<)", LIST, CodeBlock.join(items, ",\n"))
          : CodeBlock.of("$T.list($L)", VALUES, CodeBlock.join(items, ",$W"));
    }
    if (value instanceof Schedule schedule && schedule.equals(Schedule.MANUAL)) {
      return CodeBlock.of("$T.MANUAL", Schedule.class);
    }
    if (value instanceof Record record) {
      return record(record, Map.of());
    }
    throw new IllegalArgumentException("no literal for " + value.getClass().getName());
  }

  /**
   * A string constant; a long one as a concatenation of pieces broken after spaces or separators
   * where it can be, which javac folds back into one constant.
   */
  static CodeBlock string(String s) {
    if (s.length() <= LONGEST_UNSPLIT) {
      return CodeBlock.of("$S", s);
    }
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (start < s.length()) {
      int end = s.length();
      if (end - start > STRING_PIECE) {
        end = start + STRING_PIECE;
        for (int i = start + STRING_PIECE - 1; i > start + STRING_PIECE / 2; i--) {
          if (BREAK_AFTER.indexOf(s.charAt(i)) >= 0) {
            end = i + 1;
            break;
          }
        }
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
          end--;
        }
      }
      pieces.add(CodeBlock.of("$S", s.substring(start, end)));
      start = end;
    }
    return CodeBlock.join(pieces, "$W+ ");
  }

  /**
   * A record as a factory call, builder chain or constructor call; {@code overrides} gives the
   * expressions of components the caller builds elsewhere (always set, even when they equal a
   * default).
   */
  static CodeBlock record(Record record, Map<String, CodeBlock> overrides) {
    Class<?> type = record.getClass();
    if (overrides.isEmpty()) {
      for (Factory factory : FACTORIES) {
        if (factory.type() == type) {
          List<Object> args = factory.components().stream().map(c -> read(record, c)).toList();
          if (record.equals(invoke(type, factory.method(), args))) {
            return CodeBlock.of(
                "$T.$N($L)", type, factory.method(), join(args.stream().map(SpecLiterals::of)));
          }
        }
      }
    }
    List<String> required = BUILDERS.get(type);
    if (required == null) {
      return CodeBlock.of(
          "new $T($L)",
          type,
          join(
              Arrays.stream(type.getRecordComponents())
                  .map(c -> overrides.getOrDefault(c.getName(), of(read(record, c.getName()))))));
    }
    List<Object> args = required.stream().map(c -> read(record, c)).toList();
    Object builder = invoke(type, "builder", args);
    Record defaults = (Record) call(builder, "build");
    List<CodeBlock> setters = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = component.getName();
      if (required.contains(name)) {
        continue;
      }
      Object value = read(record, name);
      if (overrides.containsKey(name)) {
        setters.add(CodeBlock.of(".$N($L)", name, overrides.get(name)));
      } else if (!Objects.equals(value, read(defaults, name))) {
        setters.add(CodeBlock.of(".$N($L)", name, of(value)));
      }
    }
    CodeBlock start =
        CodeBlock.of("$T.builder($L)", type, join(args.stream().map(SpecLiterals::of)));
    CodeBlock inline = CodeBlock.of("$L$L.build()", start, CodeBlock.join(setters, ""));
    if (inline.toString().length() <= INLINE_CHAIN && !inline.toString().contains("\n")) {
      return inline;
    }
    return CodeBlock.of("$L$>$>\n$L\n.build()$<$<", start, CodeBlock.join(setters, "\n"));
  }

  private static CodeBlock join(Stream<CodeBlock> items) {
    return CodeBlock.join(items.toList(), ",$W");
  }

  private static Object read(Record record, String component) {
    try {
      return record.getClass().getMethod(component).invoke(record);
    } catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
      throw new IllegalStateException("cannot read " + component + " of " + record, e);
    }
  }

  private static Object invoke(Class<?> type, String factory, List<Object> args) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(factory)
          && Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == args.size()) {
        try {
          return method.invoke(null, args.toArray());
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(
              "cannot call " + type.getSimpleName() + "." + factory + args, e);
        }
      }
    }
    throw new IllegalStateException(
        type.getSimpleName() + " has no factory " + factory + " of " + args.size());
  }

  private static Object call(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
      throw new IllegalStateException("cannot call " + method + " on " + target, e);
    }
  }

  private static String doubleLiteral(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("the spec holds no non-finite numbers: " + d);
    }
    return Double.toString(d);
  }
}
