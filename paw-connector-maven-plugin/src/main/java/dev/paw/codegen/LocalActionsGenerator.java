package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates, for a connector with {@code LOCAL} actions, the interface that implements them (one
 * method per action, taking its parameters class) and the class that calls it by action name with a
 * map of values. The connector file stays the only place that names the actions and their defaults:
 * an implementation never sees a wire name, and a value left out keeps the builder's declared
 * default.
 */
final class LocalActionsGenerator {

  private static final TypeVariableName R = TypeVariableName.get("R");
  private static final TypeName VALUES =
      ParameterizedTypeName.get(
          ClassName.get(Map.class),
          ClassName.get(String.class),
          WildcardTypeName.subtypeOf(Object.class));

  TypeSpec generateInterface(ConnectorSpec spec, ConnectorNames names) {
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(names.localActions())
            .addModifiers(Modifier.PUBLIC)
            .addTypeVariable(R)
            .addJavadoc(
                "The {@code LOCAL} actions of the $L connector ({@code $L}), which paw runs itself: one"
                    + " method per action, its parameters with the connector file's defaults.\n"
                    + "\n<p>{@link $T} calls these methods by action name.\n\n"
                    + "@param <R> what an action answers\n",
                Javadoc.escape(spec.displayName()),
                spec.name(),
                names.localActionCalls());
    for (ActionSpec action : ConnectorNames.localActions(spec)) {
      MethodSpec.Builder method =
          MethodSpec.methodBuilder(names.actionMethod(action))
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .returns(R)
              .addJavadoc(
                  "{@code $L}$L\n\n",
                  action.name(),
                  action.description() == null
                      ? "."
                      : ": " + Javadoc.sentence(action.description()));
      ClassName params = names.params(action);
      if (params != null) {
        method.addParameter(params, "params").addJavadoc("@param params the parameters\n");
      }
      type.addMethod(method.addJavadoc("@return the answer\n").build());
    }
    return type.build();
  }

  TypeSpec generateCalls(ConnectorSpec spec, ConnectorNames names) {
    List<ActionSpec> actions = ConnectorNames.localActions(spec);
    ParameterizedTypeName actionsType = ParameterizedTypeName.get(names.localActions(), R);
    MethodSpec.Builder call =
        MethodSpec.methodBuilder("call")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariable(R)
            .returns(R)
            .addParameter(actionsType, "actions")
            .addParameter(String.class, "action")
            .addParameter(VALUES, "values")
            .addJavadoc(
                "Calls the method of {@code action}; a value left out of {@code values} takes the"
                    + " connector file's default.\n\n"
                    + "@param actions the implementation\n"
                    + "@param action the action's wire name\n"
                    + "@param values the parameter values by wire name\n"
                    + "@param <R> what an action answers\n"
                    + "@return the action's answer\n"
                    + "@throws IllegalArgumentException for an action the connector does not have, a"
                    + " missing required value or a value of the wrong type\n")
            .beginControlFlow("switch (action)");
    Set<LocalCallHelper> helpers = EnumSet.noneOf(LocalCallHelper.class);
    List<MethodSpec> readers = new ArrayList<>();
    for (ActionSpec action : actions) {
      String method = names.actionMethod(action);
      ClassName params = names.params(action);
      call.addCode("case $S:\n", action.name()).addCode("$>");
      if (params == null) {
        call.addStatement("return actions.$N()", method);
      } else {
        call.addStatement("return actions.$N($N(values))", method, method);
        readers.add(reader(action, method, params, helpers));
      }
      call.addCode("$<");
    }
    call.addCode("default:\n$>")
        .addStatement(
            "throw new $T($L$W+ action$W+ $L)",
            IllegalArgumentException.class,
            SpecLiterals.string("the " + spec.name() + " connector has no action '"),
            SpecLiterals.string("'; it has " + wireNames(actions)))
        .addCode("$<")
        .endControlFlow();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(names.localActionCalls())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Calls a {@link $T} method by action name, reading its parameters from a map keyed by"
                    + " wire name.\n",
                names.localActions())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(call.build())
            .addMethods(readers);
    for (LocalCallHelper helper : helpers) {
      type.addMethod(helper.method());
    }
    return type.build();
  }

  /** "a, b and c": the action names as the unknown-action message lists them. */
  private static String wireNames(List<ActionSpec> actions) {
    List<String> names = actions.stream().map(ActionSpec::name).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static MethodSpec reader(
      ActionSpec action, String method, ClassName params, Set<LocalCallHelper> helpers) {
    MethodSpec.Builder reader =
        MethodSpec.methodBuilder(method)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(params)
            .addParameter(VALUES, "values")
            .addStatement("$T builder = $T.builder()", params.nestedClass("Builder"), params);
    for (ParamsGenerator.Field field : ParamsGenerator.fields(action, params)) {
      ParamSpec param = field.spec();
      CodeBlock value = CodeBlock.of("values.get($S)", param.name());
      if (param.required()) {
        helpers.add(LocalCallHelper.REQUIRED);
        value = CodeBlock.of("required($S, $S, $L)", action.name(), param.name(), value);
      } else {
        reader.beginControlFlow("if ($L != null)", value);
      }
      reader.addStatement("builder.$N($L)", field.name(), convert(action, field, value, helpers));
      if (!param.required()) {
        reader.endControlFlow();
      }
    }
    return reader.addStatement("return builder.build()").build();
  }

  /** The code that turns a map value into the field's Java type. */
  private static CodeBlock convert(
      ActionSpec action,
      ParamsGenerator.Field field,
      CodeBlock value,
      Set<LocalCallHelper> helpers) {
    String name = field.spec().name();
    if (field.enumType() != null) {
      helpers.add(LocalCallHelper.ONE_OF);
      return CodeBlock.of(
          "oneOf($S,$W$S,$W$L,$W$T.values(),$W$T::wireValue)",
          action.name(),
          name,
          value,
          field.enumType(),
          field.enumType());
    }
    switch (field.spec().type()) {
      case STRING:
        helpers.add(LocalCallHelper.TEXT);
        return CodeBlock.of("text($L)", value);
      case INTEGER:
        helpers.add(LocalCallHelper.INTEGER);
        return CodeBlock.of("integer($S,$W$S,$W$L)", action.name(), name, value);
      case NUMBER:
        helpers.add(LocalCallHelper.NUMBER);
        return CodeBlock.of("number($S,$W$S,$W$L)", action.name(), name, value);
      case BOOLEAN:
        helpers.add(LocalCallHelper.BOOL);
        return CodeBlock.of("bool($S,$W$S,$W$L)", action.name(), name, value);
      case ARRAY:
        helpers.add(LocalCallHelper.LIST);
        TypeName element = ((ParameterizedTypeName) field.type()).typeArguments().get(0);
        if (!(element instanceof ClassName)) {
          throw new IllegalArgumentException(
              "LOCAL action '" + action.name() + "': parameter '" + name + "' is a nested array");
        }
        return CodeBlock.of("list($S,$W$S,$W$L,$W$T.class)", action.name(), name, value, element);
      default:
        return value;
    }
  }
}
