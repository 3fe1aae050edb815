package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates an action's parameter object: typed fields, a builder that starts from the declared
 * defaults and checks required values, an enum per {@code enum} parameter, and {@code toMap()} with
 * the wire names.
 */
final class ParamsGenerator {

  /**
   * One parameter as generated: its spec, Java name and Java type (an enum for {@code enum}
   * parameters).
   */
  record Field(ParamSpec spec, String name, TypeName type, ClassName enumType) {}

  TypeSpec generate(ActionSpec action, ClassName className) {
    List<Field> fields = fields(action, className);
    ClassName builder = className.nestedClass("Builder");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Parameters of the {@code $L} action$L\n",
                action.name(),
                action.description() == null ? "." : ": " + Javadoc.sentence(action.description()))
            .addField(
                FieldSpec.builder(
                        String.class, "ACTION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The wire name of the action these parameters are for.\n")
                    .initializer("$S", action.name())
                    .build());
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(builder, "builder");
    for (Field field : fields) {
      type.addField(field.type(), field.name(), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = builder.$N", field.name(), field.name());
      type.addMethod(
          MethodSpec.methodBuilder(field.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(field.type())
              .addJavadoc("$L\n\n@return $L\n", describe(field.spec()), getterReturn(field.spec()))
              .addStatement("return $N", field.name())
              .build());
    }
    type.addMethod(constructor.build());
    type.addMethod(toMap(fields));
    type.addMethod(
        MethodSpec.methodBuilder("builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addJavadoc(
                "A builder that starts from the declared defaults.\n\n@return a new builder\n")
            .addStatement("return new $T()", builder)
            .build());
    type.addType(builder(action, className, builder, fields));
    for (Field field : fields) {
      if (field.enumType() != null) {
        type.addType(enumType(field));
      }
    }
    return type.build();
  }

  /** The generated fields of an action's parameters class, as every generator names them. */
  static List<Field> fields(ActionSpec action, ClassName className) {
    NameAllocator names = new NameAllocator("ACTION");
    NameAllocator nested = new NameAllocator(className.simpleName(), "Builder");
    List<Field> fields = new ArrayList<>();
    for (ParamSpec param : action.allParams()) {
      String name = names.allocate(JavaNames.memberName(param.name()));
      if (param.enumValues().isEmpty()) {
        fields.add(new Field(param, name, JavaTypes.of(param), null));
      } else {
        ClassName enumType = className.nestedClass(nested.allocate(JavaNames.typeName(name)));
        fields.add(new Field(param, name, enumType, enumType));
      }
    }
    return fields;
  }

  private MethodSpec toMap(List<Field> fields) {
    TypeName mapType = ParameterizedTypeName.get(Map.class, String.class, Object.class);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("toMap")
            .addModifiers(Modifier.PUBLIC)
            .returns(mapType)
            .addJavadoc(
                "The values keyed by wire name, as {@code ConnectorProtocol.execute} takes them; unset values"
                    + " are left out.\n\n@return a new ordered map\n")
            .addStatement("$T map = new $T<>()", mapType, LinkedHashMap.class);
    for (Field field : fields) {
      CodeBlock value =
          field.enumType() == null
              ? CodeBlock.of("$N", field.name())
              : CodeBlock.of("$N.wireValue()", field.name());
      method
          .beginControlFlow("if ($N != null)", field.name())
          .addStatement("map.put($S, $L)", field.spec().name(), value)
          .endControlFlow();
    }
    return method.addStatement("return map").build();
  }

  private TypeSpec builder(
      ActionSpec action, ClassName className, ClassName builder, List<Field> fields) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(builder)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Builds {@link $T}.\n", className)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Field field : fields) {
      FieldSpec.Builder f = FieldSpec.builder(field.type(), field.name(), Modifier.PRIVATE);
      Object defaultValue = field.spec().defaultValue();
      if (defaultValue != null) {
        f.initializer(
            field.enumType() != null
                ? CodeBlock.of("$T.$L", field.enumType(), constants(field.spec()).get(defaultValue))
                : SpecLiterals.of(asJavaType(field.spec(), defaultValue)));
      }
      type.addField(f.build());
      TypeName setterType = setterType(field);
      boolean primitive = setterType.isPrimitive();
      type.addMethod(
          MethodSpec.methodBuilder(field.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(builder)
              .addParameter(setterType, field.name())
              .addJavadoc(
                  "Sets $L\n\n@param $N $L\n@return this builder\n",
                  describe(field.spec()),
                  field.name(),
                  primitive
                      ? "the value"
                      : field.spec().required()
                          ? "the value; {@link #build()} refuses {@code null}"
                          : "the value, or {@code null} to leave it unset")
              .addStatement("this.$N = $N", field.name(), field.name())
              .addStatement("return this")
              .build());
      if (primitive && !field.spec().required() && defaultValue != null) {
        type.addMethod(
            MethodSpec.methodBuilder("clear" + JavaNames.typeName(field.name()))
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc(
                    "Leaves {@code $L} unset: the request goes without it, instead of with its"
                        + " default.\n\n@return this builder\n",
                    field.spec().name())
                .addStatement("this.$N = null", field.name())
                .addStatement("return this")
                .build());
      }
    }
    MethodSpec.Builder build =
        MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(className)
            .addJavadoc("@return the parameters\n");
    if (fields.stream().anyMatch(f -> f.spec().required())) {
      build.addJavadoc("@throws IllegalStateException when a required parameter is not set\n");
    }
    for (Field field : fields) {
      if (field.spec().required()) {
        build
            .beginControlFlow("if ($N == null)", field.name())
            .addStatement(
                "throw new $T($S)",
                IllegalStateException.class,
                "action '" + action.name() + "' needs parameter '" + field.spec().name() + "'")
            .endControlFlow();
      }
    }
    type.addMethod(build.addStatement("return new $T(this)", className).build());
    return type.build();
  }

  /**
   * The type a builder setter takes: a primitive for integer ({@code long}), number ({@code
   * double}) and boolean values, so {@code priority(3)} compiles; the field's own type otherwise.
   */
  static TypeName setterType(Field field) {
    TypeName type = field.type();
    return field.enumType() == null && type.isBoxedPrimitive() ? type.unbox() : type;
  }

  private TypeSpec enumType(Field field) {
    ParamSpec param = field.spec();
    TypeName wireType = JavaTypes.of(param.type());
    TypeSpec.Builder type =
        TypeSpec.enumBuilder(field.enumType())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The allowed values of {@code $L}.\n", param.name())
            .addField(wireType, "wireValue", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(wireType, "wireValue")
                    .addStatement("this.wireValue = wireValue")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("wireValue")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(wireType)
                    .addJavadoc("@return the value as the service spells it\n")
                    .addStatement("return wireValue")
                    .build());
    constants(param)
        .forEach(
            (value, constant) ->
                type.addEnumConstant(
                    constant,
                    TypeSpec.anonymousClassBuilder("$L", SpecLiterals.of(value)).build()));
    return type.build();
  }

  /**
   * A default as the field's Java type holds it: a whole number in a list of {@code number} items
   * is a double.
   */
  private static Object asJavaType(ParamSpec param, Object value) {
    if (param.items() == ParamType.NUMBER && value instanceof List<?> list) {
      return list.stream().map(v -> v instanceof Long l ? (Object) l.doubleValue() : v).toList();
    }
    return value;
  }

  /** The enum constant name of each allowed value, in declared order. */
  private static Map<Object, String> constants(ParamSpec param) {
    NameAllocator names = new NameAllocator();
    Map<Object, String> constants = new LinkedHashMap<>();
    for (Object value : param.enumValues()) {
      constants.put(value, names.allocate(JavaNames.constantName(value)));
    }
    return constants;
  }

  /**
   * What a getter's value can be: a required value is never null once built; others may be unset.
   */
  private static String getterReturn(ParamSpec param) {
    if (param.required()) {
      return "the value, never {@code null}";
    }
    return param.defaultValue() != null
        ? "the value: the default unless the builder changed it, {@code null} when the builder unset it"
        : "the value, or {@code null} when not set";
  }

  /**
   * A one-line description of a parameter for Javadoc: wire name, type, required or default,
   * description.
   */
  static String describe(ParamSpec param) {
    StringBuilder text =
        new StringBuilder("{@code ")
            .append(Javadoc.escape(param.name()))
            .append("} (")
            .append(param.type() == ParamType.OBJECT ? "any JSON value" : param.type().wireName())
            .append(param.items() == null ? "" : " of " + param.items().wireName() + "s");
    if (param.required()) {
      text.append(", required");
    }
    if (param.defaultValue() != null) {
      text.append(", default {@code ")
          .append(Javadoc.escape(String.valueOf(param.defaultValue())))
          .append('}');
    }
    text.append(", sent in the ").append(param.in().name().toLowerCase(Locale.ROOT)).append(')');
    if (param.description() != null) {
      text.append(": ").append(Javadoc.sentence(param.description()));
    } else {
      text.append('.');
    }
    return text.toString();
  }
}
