package dev.paw.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.FieldTree;
import java.util.List;

/**
 * The streaming code that reads declared fields from a JSON object in one pass: a {@code switch} on
 * field names per nesting level, no reflection, no tree. Row mappers and answer records share it.
 */
final class FieldReaderCode {

  private FieldReaderCode() {}

  /**
   * Reads the fields of the object the parser is on, descending into the ones a column reads
   * inside. The field name local is {@code field} at the top and named for its object below ({@code
   * paymentMethodDetailsField}).
   */
  static CodeBlock objectLoop(
      FieldTree.Node node,
      String objectName,
      List<ColumnSpec> columns,
      List<String> vars,
      NameAllocator locals) {
    String field =
        locals.allocate(objectName == null ? "field" : JavaNames.memberName(objectName) + "Field");
    CodeBlock.Builder code =
        CodeBlock.builder()
            .beginControlFlow(
                "while (parser.nextToken() == $T.FIELD_NAME)", RuntimeTypes.JSON_TOKEN)
            .addStatement("String $N = parser.currentName()", field)
            .addStatement("parser.nextToken()")
            .beginControlFlow("switch ($N)", field);
    node.children()
        .forEach(
            (name, child) -> {
              if (child.isLeaf() && child.columns().size() + child.slots().size() == 1) {
                code.add("case $S -> ", name).add(leaf(child, columns, vars));
              } else if (child.isLeaf()) {
                code.beginControlFlow("case $S ->", name)
                    .add(leaf(child, columns, vars))
                    .endControlFlow();
              } else {
                code.beginControlFlow("case $S ->", name)
                    .beginControlFlow(
                        "if (parser.currentToken() == $T.START_OBJECT)", RuntimeTypes.JSON_TOKEN)
                    .add(objectLoop(child, name, columns, vars, locals))
                    .nextControlFlow("else")
                    .addStatement("parser.skipChildren()")
                    .endControlFlow()
                    .endControlFlow();
              }
            });
    return code.add("default -> ")
        .addStatement("parser.skipChildren()")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Reads a leaf once, then gives it to every column and context slot that wants it. */
  private static CodeBlock leaf(FieldTree.Node node, List<ColumnSpec> columns, List<String> vars) {
    CodeBlock.Builder code = CodeBlock.builder();
    String first = null;
    for (int column : node.columns()) {
      ColumnSpec spec = columns.get(column);
      if (first == null) {
        first = vars.get(column);
        code.addStatement(
            "$N = $T.$L(parser,$W$L)",
            first,
            RuntimeTypes.JSON_COLUMNS,
            JavaTypes.reader(spec.type()),
            SpecLiterals.string(spec.from()));
      } else {
        code.addStatement("$N = $N", vars.get(column), first);
      }
    }
    for (int slot : node.slots()) {
      CodeBlock value =
          first != null
              ? CodeBlock.of("$N", first)
              : CodeBlock.of("$T.readAny(parser,$W$S)", RuntimeTypes.JSON_COLUMNS, node.path());
      code.addStatement(
          "context.set($T.$L, $L)",
          RuntimeTypes.RECORD_CONTEXT,
          slot == FieldTree.PAGE_CURSOR ? "PAGE_CURSOR" : "INCREMENTAL_CURSOR",
          value);
    }
    return code.build();
  }
}
