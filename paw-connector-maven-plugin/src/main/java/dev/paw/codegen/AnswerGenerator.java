package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.FieldTree;
import java.io.IOException;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the record of an action's declared answer fields ({@code returns}), with a streaming
 * reader that leaves missing fields {@code null} and skips unknown ones.
 */
final class AnswerGenerator {

  TypeSpec generate(ActionSpec action, ClassName answer) {
    List<ColumnSpec> fields = action.returns();
    NameAllocator names = new NameAllocator();
    List<String> components =
        fields.stream().map(f -> names.allocate(JavaNames.memberName(f.name()))).toList();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    TypeSpec.Builder type =
        TypeSpec.recordBuilder(answer)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "The declared answer fields of the {@code $L} action; a field the answer lacks is {@code null}.\n\n",
                action.name());
    for (int i = 0; i < fields.size(); i++) {
      ColumnSpec field = fields.get(i);
      constructor.addParameter(
          ParameterSpec.builder(JavaTypes.of(field.type()), components.get(i)).build());
      type.addJavadoc(
          "@param $L field {@code $L}$L, from {@code $L} in the answer\n",
          components.get(i),
          field.name(),
          field.type().sqlType().isEmpty() ? "" : " (" + field.type().wireName() + ")",
          Javadoc.escape(field.from()));
    }
    return type.recordConstructor(constructor.build())
        .addMethod(read(fields, answer, components))
        .build();
  }

  private static MethodSpec read(
      List<ColumnSpec> fields, ClassName answer, List<String> components) {
    NameAllocator locals = new NameAllocator("parser");
    List<String> vars = components.stream().map(locals::allocate).toList();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(answer)
            .addParameter(RuntimeTypes.JSON_PARSER, "parser")
            .addException(IOException.class)
            .addJavadoc(
                "Reads the declared fields of an answer; other fields are skipped, and an answer that is not an"
                    + " object gives no values.\n\n"
                    + "@param parser on the answer's first token, left on its last\n"
                    + "@return the declared fields\n"
                    + "@throws IOException when a field holds a value of another type than declared (the message names it)\n");
    for (int i = 0; i < fields.size(); i++) {
      method.addStatement("$T $N = null", JavaTypes.of(fields.get(i).type()), vars.get(i));
    }
    method
        .beginControlFlow("if (parser.currentToken() == $T.START_OBJECT)", RuntimeTypes.JSON_TOKEN)
        .addCode(
            FieldReaderCode.objectLoop(FieldTree.of(fields).root(), null, fields, vars, locals))
        .nextControlFlow("else")
        .addStatement("parser.skipChildren()")
        .endControlFlow();
    method.addStatement(
        "return new $T($L)",
        answer,
        CodeBlock.join(vars.stream().map(v -> CodeBlock.of("$N", v)).toList(), ",$W"));
    return method.build();
  }
}
