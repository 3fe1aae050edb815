package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.Location;
import dev.paw.spec.StreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates the connector's descriptor: its linked spec built as code (one method per action and
 * stream, so no method grows past the JVM's size limit), its row mappers, and the {@code
 * CompiledConnector} service the runtime discovers.
 */
final class DescriptorGenerator {

  TypeSpec generate(ConnectorSpec spec, ConnectorNames names) {
    NameAllocator methods =
        new NameAllocator(
            "spec", "mappers", "build", "auth", "actions", "streams", SpecLiterals.AT);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(names.connector())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(RuntimeTypes.COMPILED_CONNECTOR)
            .addJavadoc(
                "The {@code $L} connector compiled from {@code $L}: its linked spec and row mappers.\n"
                    + "<p>Registered as a {@code CompiledConnector} service, so the runtime and {@code paw} find it.\n",
                spec.name(),
                Javadoc.escape(spec.source()))
            .addField(
                constant(
                    String.class,
                    "NAME",
                    CodeBlock.of("$S", spec.name()),
                    "The connector's registry name."))
            .addField(
                constant(
                    String.class,
                    "SOURCE",
                    CodeBlock.of("$S", spec.source()),
                    "The connector file this class was generated from."))
            .addField(
                constant(
                    ConnectorSpec.class,
                    "SPEC",
                    CodeBlock.of("build()"),
                    "The linked spec, equal to what loading {@link #SOURCE} gives."))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("For {@link java.util.ServiceLoader}.\n")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("spec")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ConnectorSpec.class)
                    .addStatement("return SPEC")
                    .build())
            .addMethod(mappers(spec, names))
            .addMethod(
                MethodSpec.methodBuilder(SpecLiterals.AT)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(Location.class)
                    .addParameter(int.class, "line")
                    .addParameter(int.class, "column")
                    .addStatement("return new $T(SOURCE, line, column)", Location.class)
                    .build());

    List<CodeBlock> actionCalls = new ArrayList<>();
    for (ActionSpec action : spec.actions()) {
      String method = methods.allocate(JavaNames.memberName(action.name()) + "Action");
      type.addMethod(factory(method, ActionSpec.class, SpecLiterals.of(action)));
      actionCalls.add(CodeBlock.of("$N()", method));
    }
    List<CodeBlock> streamCalls = new ArrayList<>();
    for (StreamSpec stream : spec.streams()) {
      String method = methods.allocate(JavaNames.memberName(stream.table()) + "Stream");
      type.addMethod(factory(method, StreamSpec.class, SpecLiterals.of(stream)));
      streamCalls.add(CodeBlock.of("$N()", method));
    }
    type.addMethod(factory("auth", AuthSpec.class, SpecLiterals.of(spec.auth())));
    type.addMethod(factory("actions", listOf(ActionSpec.class), list(actionCalls)));
    type.addMethod(factory("streams", listOf(StreamSpec.class), list(streamCalls)));
    type.addMethod(factory("build", ClassName.get(ConnectorSpec.class), connectorLiteral(spec)));
    return type.build();
  }

  /** The spec's builder chain, with auth, actions and streams delegated to their own methods. */
  private static CodeBlock connectorLiteral(ConnectorSpec spec) {
    return SpecLiterals.record(
        spec,
        Map.of(
            "auth",
            CodeBlock.of("auth()"),
            "actions",
            CodeBlock.of("actions()"),
            "streams",
            CodeBlock.of("streams()")));
  }

  private MethodSpec mappers(ConnectorSpec spec, ConnectorNames names) {
    TypeName mapperType =
        ParameterizedTypeName.get(
            RuntimeTypes.ROW_MAPPER, WildcardTypeName.subtypeOf(Object.class));
    TypeName mapType =
        ParameterizedTypeName.get(
            ClassName.get(Map.class), ClassName.get(String.class), mapperType);
    List<CodeBlock> entries = new ArrayList<>();
    for (StreamSpec stream : ConnectorNames.generatedStreams(spec)) {
      entries.add(CodeBlock.of("$T.TABLE, new $T()", names.mapper(stream), names.mapper(stream)));
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("mappers")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(mapType);
    if (entries.isEmpty()) {
      return method.addStatement("return $T.map()", SpecLiterals.VALUES).build();
    }
    return method
        .addCode(
            "return $T.map(\n$>$>$L$<$<);\n", SpecLiterals.VALUES, CodeBlock.join(entries, ",\n"))
        .build();
  }

  private static FieldSpec constant(Class<?> type, String name, CodeBlock value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer(value)
        .build();
  }

  private static MethodSpec factory(String name, Object returns, CodeBlock body) {
    TypeName type = returns instanceof TypeName t ? t : ClassName.get((Class<?>) returns);
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addCode("return $L;\n", body)
        .build();
  }

  private static TypeName listOf(Class<?> element) {
    return ParameterizedTypeName.get(List.class, element);
  }

  private static CodeBlock list(List<CodeBlock> items) {
    return items.isEmpty()
        ? CodeBlock.of("$T.of()", List.class)
        : CodeBlock.of("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(items, ",\n"));
  }
}
