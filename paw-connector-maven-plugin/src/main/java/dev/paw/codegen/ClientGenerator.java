package dev.paw.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.PaginationStyle;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TrustLevel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.Modifier;

/**
 * Generates the typed client: one method per action (trust level in its Javadoc and, when approval
 * is needed, in a {@code @RequiresApproval} annotation), answering with typed results where the
 * file says how to read the answer, and a sync method and a rows method per synced table.
 */
final class ClientGenerator {

  TypeSpec generate(ConnectorSpec spec, ConnectorNames names) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(names.client())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Typed client for the $L connector ({@code $L}).\n",
                Javadoc.escape(spec.displayName()),
                spec.name())
            .addJavadoc(
                "<p>Every call goes through the runtime, which checks parameters, enforces trust levels and"
                    + " writes the audit trail.\n")
            .addField(
                RuntimeTypes.CONNECTOR_PROTOCOL, "connector", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(RuntimeTypes.CONNECTOR_PROTOCOL, "connector")
                    .addJavadoc(
                        "@param connector the {@code $L} connector of a pocket\n"
                            + "@throws IllegalArgumentException when {@code connector} runs another connector\n",
                        spec.name())
                    .beginControlFlow(
                        "if (!$T.NAME.equals(connector.spec().name()))", names.connector())
                    .addStatement(
                        "throw new $T($L$W+ connector.spec().name())",
                        IllegalArgumentException.class,
                        SpecLiterals.string(
                            "a "
                                + names.client().simpleName()
                                + " needs the '"
                                + spec.name()
                                + "' connector, not "))
                    .endControlFlow()
                    .addStatement("this.connector = connector")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("connector")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(RuntimeTypes.CONNECTOR_PROTOCOL)
                    .addJavadoc("@return the connector this client calls\n")
                    .addStatement("return connector")
                    .build());
    for (ActionSpec action : spec.actions()) {
      ClassName params = names.params(action);
      String method = names.actionMethod(action);
      Answer answer = answer(action, names);
      if (params == null) {
        type.addMethod(
            actionMethod(action, method, answer, "", "")
                .addStatement("return $L", answer.call(action, CodeBlock.of("$T.of()", Map.class)))
                .build());
        continue;
      }
      type.addMethod(
          actionMethod(action, method, answer, "", "@param params the parameters\n")
              .addParameter(params, "params")
              .addStatement("return $L", answer.call(action, CodeBlock.of("params.toMap()")))
              .build());
      List<ParamsGenerator.Field> required =
          ParamsGenerator.fields(action, params).stream().filter(f -> f.spec().required()).toList();
      if (required.isEmpty()) {
        type.addMethod(
            actionMethod(action, method, answer, "<p>Every parameter takes its default.\n", "")
                .addStatement("return $N($T.builder().build())", method, params)
                .build());
      } else if (required.size() == 1) {
        ParamsGenerator.Field only = required.get(0);
        type.addMethod(
            actionMethod(
                    action,
                    method,
                    answer,
                    "<p>Every other parameter takes its default.\n",
                    "@param " + only.name() + " " + ParamsGenerator.describe(only.spec()) + "\n")
                .addParameter(ParamsGenerator.setterType(only), only.name())
                .addStatement(
                    "return $N($T.builder().$N($N).build())",
                    method,
                    params,
                    only.name(),
                    only.name())
                .build());
      }
    }
    for (StreamSpec stream : ConnectorNames.generatedStreams(spec)) {
      type.addMethod(syncMethod(stream, names));
      type.addMethod(rowsMethod(stream, names));
    }
    return type.build();
  }

  /**
   * What an action method answers: its type, the call that makes it from the parameters, and its
   * Javadoc.
   */
  private record Answer(TypeName type, CodeBlock convert, String doc, CodeBlock paging) {

    /** The expression that calls the action with the parameters {@code map}. */
    CodeBlock call(ActionSpec action, CodeBlock map) {
      if (paging != null) {
        return CodeBlock.of("connector.executePaged($S, $L,$W$L)", action.name(), map, paging);
      }
      return CodeBlock.of("connector.execute($S, $L)$L", action.name(), map, convert);
    }
  }

  private static final String FAILS =
      "; completes exceptionally when the call is refused, invalid or fails";

  /**
   * The declared answer fields' record when the action has {@code returns}, else the rows of the
   * first stream that maps its records (a page of them, with the pages after it, when the action
   * pages), else the raw result.
   */
  private static Answer answer(ActionSpec action, ConnectorNames names) {
    ClassName answer = names.answer(action);
    if (answer != null) {
      return new Answer(
          completionOf(ParameterizedTypeName.get(RuntimeTypes.TYPED_RESULT, answer)),
          CodeBlock.of(
              "$W.thenApply(raw -> $T.of(raw, $T::read))", RuntimeTypes.TYPED_RESULT, answer),
          "the answer's declared fields ({@link "
              + answer.simpleName()
              + "}) and the raw result"
              + FAILS,
          null);
    }
    StreamSpec stream = names.rowSource(action);
    if (stream != null) {
      String records = stream.records() != null ? stream.records() : action.records();
      CodeBlock recordsLiteral =
          records == null ? CodeBlock.of("null") : CodeBlock.of("$L", SpecLiterals.string(records));
      if (pages(action)) {
        return new Answer(
            completionOf(ParameterizedTypeName.get(RuntimeTypes.PAGE, names.row(stream))),
            null,
            "the first page of the answer's records as rows of table {@code "
                + stream.table()
                + "}; {@code stream()} goes on through the pages after it, {@code next()} fetches"
                + " the next one"
                + FAILS,
            CodeBlock.of("$L, new $T()", recordsLiteral, names.mapper(stream)));
      }
      TypeName rows = ParameterizedTypeName.get(ClassName.get(List.class), names.row(stream));
      return new Answer(
          completionOf(ParameterizedTypeName.get(RuntimeTypes.TYPED_RESULT, rows)),
          CodeBlock.of(
              "$W.thenApply(raw -> $T.rows(raw, $L, new $T()))",
              RuntimeTypes.TYPED_RESULT,
              recordsLiteral,
              names.mapper(stream)),
          "the answer's records as rows of table {@code "
              + stream.table()
              + "}, and the raw result"
              + FAILS,
          null);
    }
    if (pages(action)) {
      return new Answer(
          completionOf(ParameterizedTypeName.get(RuntimeTypes.PAGE, JavaTypes.JSON_NODE)),
          null,
          "the first page of the answer's records, each as a JSON tree (no sync stream maps them);"
              + " {@code stream()} goes on through the pages after it, {@code next()} fetches the"
              + " next one"
              + FAILS,
          CodeBlock.of(
              "$L, null",
              action.records() == null ? "null" : SpecLiterals.string(action.records())));
    }
    return new Answer(
        completionOf(RuntimeTypes.ACTION_RESULT), CodeBlock.of(""), "the result" + FAILS, null);
  }

  /** Whether an action's answers come in pages that the runtime can follow. */
  static boolean pages(ActionSpec action) {
    return action.pagination() != null && action.pagination().style() != PaginationStyle.NONE;
  }

  private static TypeName completionOf(TypeName type) {
    return ParameterizedTypeName.get(ClassName.get(CompletionStage.class), type);
  }

  private static MethodSpec.Builder actionMethod(
      ActionSpec action, String method, Answer answer, String note, String paramDoc) {
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC).returns(answer.type());
    String description = Javadoc.sentence(action.description());
    builder.addJavadoc(
        "$L\n\n", description.isEmpty() ? "Runs {@code " + action.name() + "}." : description);
    builder.addJavadoc("<p>$L\n", trustNote(action.trustLevel()));
    if (action.url() != null) {
      builder.addJavadoc("<p>{@code $L $L}\n", action.method(), Javadoc.escape(action.url()));
    }
    builder.addJavadoc("$L\n$L", note, paramDoc);
    builder.addJavadoc("@return $L\n", answer.doc());
    if (action.trustLevel() != TrustLevel.AUTO) {
      builder.addAnnotation(
          AnnotationSpec.builder(RuntimeTypes.REQUIRES_APPROVAL)
              .addMember("value", "$T.$L", TrustLevel.class, action.trustLevel().name())
              .build());
    }
    return builder;
  }

  private static String trustNote(TrustLevel trust) {
    return switch (trust) {
      case AUTO -> "Trust level {@code auto}: runs without asking.";
      case CONFIRM ->
          "<b>Needs approval</b> (trust level {@code confirm}): runs only when the pocket's approval"
              + " callback approves this call; otherwise nothing is sent. Approve it with {@code"
              + " PawBuilder.approver(...)}, or at the command line at the prompt or with {@code"
              + " --yes}.";
      case RESTRICTED ->
          "<b>Needs an administrator</b> (trust level {@code restricted}): runs only with an"
              + " administrator's approval, which an ordinary approval cannot give; otherwise nothing is"
              + " sent. Approve it with {@code PawBuilder.adminApprover(...)}, or at the command line"
              + " with the pocket's administrator secret (set once with {@code paw admin set-secret"
              + " --pocket POCKET}; given in {@code PAW_ADMIN_SECRET} or at the prompt).";
    };
  }

  private static MethodSpec syncMethod(StreamSpec stream, ConnectorNames names) {
    return MethodSpec.methodBuilder(names.syncMethod(stream))
        .addModifiers(Modifier.PUBLIC)
        .returns(
            ParameterizedTypeName.get(
                ClassName.get(CompletionStage.class), RuntimeTypes.SYNC_RESULT))
        .addJavadoc(
            "Syncs table {@code $L} from {@code $L} (schedule {@code $L}, write mode {@code $L}).\n\n"
                + "<p>A failed run completes the stage exceptionally with a {@link $T} that carries"
                + " the partial {@link $T}: what was committed stays, and the next sync resumes"
                + " there.\n\n"
                + "@return what the run inserted, updated and deleted\n",
            stream.table(),
            stream.source(),
            stream.schedule().text(),
            stream.writeMode().wireName(),
            RuntimeTypes.SYNC_FAILED,
            RuntimeTypes.SYNC_RESULT)
        .addStatement("return connector.sync($T.TABLE)", names.mapper(stream))
        .build();
  }

  private static MethodSpec rowsMethod(StreamSpec stream, ConnectorNames names) {
    ClassName row = names.row(stream);
    return MethodSpec.methodBuilder(names.rowsMethod(stream))
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), row))
        .addJavadoc(
            "@return the rows of {@code $L} in the pocket, in primary-key order\n", stream.table())
        .addStatement(
            "return connector.rows($T.TABLE, new $T())", names.mapper(stream), names.mapper(stream))
        .build();
  }
}
