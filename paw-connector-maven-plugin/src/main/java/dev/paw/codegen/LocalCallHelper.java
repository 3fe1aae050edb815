package dev.paw.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The conversions a generated LOCAL-action calls class needs, each a private helper method that
 * turns a map value into a parameter's Java type or says why it cannot.
 */
enum LocalCallHelper {
  REQUIRED,
  TEXT,
  INTEGER,
  NUMBER,
  BOOL,
  ONE_OF,
  LIST;

  /** The helper method, named after the constant. */
  MethodSpec method() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(this == ONE_OF ? "oneOf" : name().toLowerCase())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC);
    if (this == TEXT) {
      return method
          .returns(String.class)
          .addParameter(Object.class, "value")
          .addStatement("return value.toString()")
          .build();
    }
    method.addParameter(String.class, "action").addParameter(String.class, "name");
    switch (this) {
      case REQUIRED:
        return method
            .addJavadoc("A required value: present, and for text not blank.\n")
            .returns(Object.class)
            .addParameter(Object.class, "value")
            .beginControlFlow(
                "if (value == null || value instanceof $T text && text.toString().isBlank())",
                CharSequence.class)
            .addStatement(
                "throw new $T(action$W+ $S$W+ name$W+ $S)",
                IllegalArgumentException.class,
                ": parameter '",
                "' is required")
            .endControlFlow()
            .addStatement("return value")
            .build();
      case INTEGER:
        return lenient(method, Long.class, "Long.parseLong", "longValue", "an integer");
      case NUMBER:
        return lenient(method, Double.class, "Double.parseDouble", "doubleValue", "a number");
      case BOOL:
        return method
            .returns(Boolean.class)
            .addParameter(Object.class, "value")
            .beginControlFlow("if (value instanceof $T bool)", Boolean.class)
            .addStatement("return bool")
            .endControlFlow()
            .addStatement("$T text = value.toString().trim()", String.class)
            .beginControlFlow(
                "if (text.equalsIgnoreCase($S) || text.equalsIgnoreCase($S))", "true", "false")
            .addStatement("return Boolean.parseBoolean(text)")
            .endControlFlow()
            .addStatement(
                "throw new $T(action$W+ $S$W+ name$W+ $S$W+ value$W+ $S)",
                IllegalArgumentException.class,
                ": parameter '",
                "' must be true or false, not '",
                "'")
            .build();
      case ONE_OF:
        TypeVariableName e = TypeVariableName.get("E");
        return method
            .addTypeVariable(e)
            .returns(e)
            .addParameter(Object.class, "value")
            .addParameter(ArrayTypeName.of(e), "constants")
            .addParameter(
                ParameterizedTypeName.get(ClassName.get(Function.class), e, ClassName.OBJECT),
                "wireValue")
            .addStatement("$T wanted = value.toString()", String.class)
            .beginControlFlow("for ($T constant : constants)", e)
            .beginControlFlow("if (wanted.equals(String.valueOf(wireValue.apply(constant))))")
            .addStatement("return constant")
            .endControlFlow()
            .endControlFlow()
            .addStatement(
                "$T allowed = new $T<>()",
                ParameterizedTypeName.get(List.class, String.class),
                ArrayList.class)
            .beginControlFlow("for ($T constant : constants)", e)
            .addStatement("allowed.add(String.valueOf(wireValue.apply(constant)))")
            .endControlFlow()
            .addStatement(
                "throw new $T(action$W+ $S$W+ name$W+ $S$W+ allowed$W+ $S$W+ value$W+ $S)",
                IllegalArgumentException.class,
                ": parameter '",
                "' must be one of ",
                ", not '",
                "'")
            .build();
      case LIST:
        TypeVariableName t = TypeVariableName.get("T");
        TypeName listOfT = ParameterizedTypeName.get(ClassName.get(List.class), t);
        return method
            .addTypeVariable(t)
            .returns(listOfT)
            .addParameter(Object.class, "value")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
            .beginControlFlow("if (!(value instanceof $T<?> items))", List.class)
            .addStatement(
                "throw new $T(action$W+ $S$W+ name$W+ $S)",
                IllegalArgumentException.class,
                ": parameter '",
                "' must be an array")
            .endControlFlow()
            .addStatement("$T list = new $T<>()", listOfT, ArrayList.class)
            .beginControlFlow("for (Object item : items)")
            .addStatement("list.add(type.cast(item))")
            .endControlFlow()
            .addStatement("return list")
            .build();
      default:
        throw new AssertionError(this);
    }
  }

  /** A number helper that also takes the number as text, as a command line gives it. */
  private static MethodSpec lenient(
      MethodSpec.Builder method, Class<?> type, String parse, String fromNumber, String article) {
    return method
        .returns(type)
        .addParameter(Object.class, "value")
        .beginControlFlow("if (value instanceof $T number)", Number.class)
        .addStatement("return number.$L()", fromNumber)
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("return $L(value.toString().trim())", parse)
        .nextControlFlow("catch ($T e)", NumberFormatException.class)
        .addStatement(
            "throw new $T(action$W+ $S$W+ name$W+ $S$W+ value$W+ $S, e)",
            IllegalArgumentException.class,
            ": parameter '",
            "' must be " + article + ", not '",
            "'")
        .endControlFlow()
        .build();
  }
}
