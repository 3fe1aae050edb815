package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates the blocking client beside the asynchronous one, as the AWS SDK pairs its sync and
 * async clients: the same methods, each waiting for its answer and throwing the call's own
 * exception ({@code ActionRefusedException}, {@code ActionFailedException}, ...) instead of a
 * {@code CompletionException} around it. It is written from the asynchronous client's methods, so
 * the two cannot drift apart.
 */
final class BlockingClientGenerator {

  private static final String FAILS =
      "; completes exceptionally when the call is refused, invalid or fails";

  private static final ClassName CONNECT_OPTIONS =
      RuntimeTypes.CONNECTOR_PROTOCOL.nestedClass("ConnectOptions");
  private static final ClassName CONNECTION_RESULT =
      RuntimeTypes.CONNECTOR_PROTOCOL.nestedClass("ConnectionResult");

  TypeSpec generate(TypeSpec client, ConnectorNames names, String displayName) {
    ClassName async = names.client();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(names.blockingClient())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Blocking client for the $L connector: each method waits for its answer and throws"
                    + " the call's own exception (such as {@code ActionRefusedException} or {@code"
                    + " ActionFailedException}), never a {@code CompletionException}. {@link $T} is"
                    + " its asynchronous twin.\n",
                Javadoc.escape(displayName),
                async)
            .addField(async, "async", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(RuntimeTypes.CONNECTOR_PROTOCOL, "connector")
                    .addJavadoc(
                        "@param connector the connector of a pocket\n"
                            + "@throws IllegalArgumentException when {@code connector} runs another"
                            + " connector\n")
                    .addStatement("this.async = new $T(connector)", async)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("connect")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(CONNECTION_RESULT)
                    .addParameter(CONNECT_OPTIONS, "options")
                    .addJavadoc(
                        "Connects the connector to its pocket: checks the credentials (with one call"
                            + " to the service where it has one that needs no parameters), creates"
                            + " the synced tables and records the connection.\n\n"
                            + "@param options such as {@code ConnectOptions.baseUrl(...)} for a test"
                            + " server\n"
                            + "@return the connection, and what was found out about the credentials\n"
                            + "@throws RuntimeException the failure itself, such as an {@code"
                            + " ActionFailedException} with status 401 when the service refuses the"
                            + " credentials\n")
                    .addStatement(
                        "return $T.await(async.connector().connect(options))",
                        RuntimeTypes.TYPED_RESULT)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("connect")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(CONNECTION_RESULT)
                    .addJavadoc(
                        "{@link #connect(ConnectorProtocol.ConnectOptions)} with the default"
                            + " options.\n\n@return the connection\n")
                    .addStatement("return connect($T.DEFAULTS)", CONNECT_OPTIONS)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("connector")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(RuntimeTypes.CONNECTOR_PROTOCOL)
                    .addJavadoc("@return the connector this client calls\n")
                    .addStatement("return async.connector()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("async")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(async)
                    .addJavadoc("@return the asynchronous client this one waits for\n")
                    .addStatement("return async")
                    .build());
    for (MethodSpec method : client.methodSpecs()) {
      if (method.isConstructor() || method.name().equals("connector")) {
        continue;
      }
      type.addMethod(blocking(method));
    }
    return type.build();
  }

  private static MethodSpec blocking(MethodSpec method) {
    String args =
        method.parameters().stream().map(ParameterSpec::name).collect(Collectors.joining(", "));
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.name())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotations(method.annotations())
            .addParameters(method.parameters());
    TypeName answer = awaited(method.returnType());
    String javadoc = method.javadoc().toString();
    if (answer == null) {
      builder
          .returns(method.returnType())
          .addJavadoc("$L", javadoc)
          .addStatement("return async.$N($L)", method.name(), args);
      return builder.build();
    }
    builder.addJavadoc(
        "$L@throws RuntimeException the call's own exception when it is refused, invalid or"
            + " fails\n",
        javadoc.replace(FAILS, "").replace("; completes exceptionally", ""));
    CodeBlock call =
        CodeBlock.of("$T.await(async.$N($L))", RuntimeTypes.TYPED_RESULT, method.name(), args);
    if (answer.equals(ClassName.get(Void.class))) {
      return builder.addStatement("$L", call).build();
    }
    return builder.returns(answer).addStatement("return $L", call).build();
  }

  /** The value type of a {@code CompletionStage}, or {@code null} for any other type. */
  private static TypeName awaited(TypeName type) {
    if (type instanceof ParameterizedTypeName p
        && p.rawType().equals(ClassName.get(CompletionStage.class))) {
      return p.typeArguments().get(0);
    }
    return null;
  }
}
