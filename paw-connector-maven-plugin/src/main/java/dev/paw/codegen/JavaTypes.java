package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.paw.spec.ColumnType;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import java.util.List;

/** The Java type each parameter and column type becomes. */
final class JavaTypes {

  private JavaTypes() {}

  static TypeName of(ParamType type) {
    return switch (type) {
      case STRING -> ClassName.get(String.class);
      case INTEGER -> ClassName.get(Long.class);
      case NUMBER -> ClassName.get(Double.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case OBJECT -> ClassName.OBJECT;
      case ARRAY ->
          ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));
    };
  }

  /**
   * A parameter's Java type: an array's elements are of its declared {@code items} type, else
   * strings.
   */
  static TypeName of(ParamSpec param) {
    if (param.type() != ParamType.ARRAY) {
      return of(param.type());
    }
    TypeName element = param.items() == null ? ClassName.get(String.class) : of(param.items());
    return ParameterizedTypeName.get(ClassName.get(List.class), element);
  }

  static TypeName of(ColumnType type) {
    return switch (type) {
      case STRING -> ClassName.get(String.class);
      case JSON -> JSON_NODE;
      case INTEGER -> ClassName.get(Long.class);
      case NUMBER -> ClassName.get(Double.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case ANY -> ClassName.OBJECT;
    };
  }

  /**
   * A row component's type: a primitive for a NOT NULL (primary key) integer, number or boolean
   * column, else {@link #of(ColumnType)}.
   */
  static TypeName component(ColumnType type, boolean notNull) {
    TypeName boxed = of(type);
    return notNull && boxed.isBoxedPrimitive() ? boxed.unbox() : boxed;
  }

  /** The {@code JsonColumns} method that reads an API value as this column type. */
  static String reader(ColumnType type) {
    return switch (type) {
      case STRING -> "readString";
      case INTEGER -> "readInteger";
      case NUMBER -> "readNumber";
      case BOOLEAN -> "readBoolean";
      case JSON -> "readJsonNode";
      case ANY -> "readAny";
    };
  }

  /** Jackson's tree type, which {@code json} columns and answer fields are read as. */
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

  /** The {@code ConnectorProtocol.StoredRow} method that reads this column type back. */
  static String getter(ColumnType type) {
    return switch (type) {
      case STRING, JSON -> "getString";
      case INTEGER -> "getLong";
      case NUMBER -> "getDouble";
      case BOOLEAN -> "getBoolean";
      case ANY -> "getAny";
    };
  }
}
