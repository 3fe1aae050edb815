package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.ColumnType;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.FieldTree;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TableDdl;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates a table's mapper: a streaming reader from an API record to the row record (a {@code
 * switch} on field names per nesting level, no reflection, no tree), binding to SQL, reading back,
 * and the table's DDL.
 */
final class MapperGenerator {

  TypeSpec generate(ConnectorSpec spec, StreamSpec stream, ClassName mapper, ClassName row) {
    List<String> components = RowGenerator.componentNames(stream);
    return TypeSpec.classBuilder(mapper)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.ROW_MAPPER, row))
        .addJavadoc(
            "Maps records of {@code $L} to rows of table {@code $L}.\n",
            stream.source(),
            stream.table())
        .addField(
            FieldSpec.builder(
                    String.class, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The table's name in pocket.db.\n")
                .initializer("$S", stream.table())
                .build())
        .addField(
            FieldSpec.builder(String.class, "DDL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The statement that creates the table.\n")
                .initializer(SpecLiterals.string(TableDdl.of(stream)))
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
        .addMethod(
            MethodSpec.methodBuilder("table")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return TABLE")
                .build())
        .addMethod(read(spec, stream, row, components))
        .addMethod(bind(stream, row, components))
        .addMethod(readBack(stream, row))
        .addMethod(key(stream, row, components))
        .build();
  }

  private MethodSpec read(
      ConnectorSpec spec, StreamSpec stream, ClassName row, List<String> components) {
    FieldTree reads = FieldTree.of(spec, stream);
    NameAllocator locals = new NameAllocator("parser", "context");
    List<String> vars = components.stream().map(locals::allocate).toList();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(row)
            .addParameter(RuntimeTypes.JSON_PARSER, "parser")
            .addParameter(RuntimeTypes.RECORD_CONTEXT, "context")
            .addException(IOException.class);
    for (int i = 0; i < stream.columns().size(); i++) {
      method.addStatement(
          "$T $N = null", JavaTypes.of(stream.columns().get(i).type()), vars.get(i));
    }
    method.addCode(FieldReaderCode.objectLoop(reads.root(), null, stream.columns(), vars, locals));
    for (int i = 0; i < stream.columns().size(); i++) {
      ColumnSpec column = stream.columns().get(i);
      boolean key = stream.primaryKey().contains(column.name());
      if (key && JavaTypes.component(column.type(), true).isPrimitive()) {
        method
            .beginControlFlow("if ($N == null)", vars.get(i))
            .addStatement(
                "throw new $T($S, $S)",
                RuntimeTypes.RECORD_EXCEPTION,
                column.from(),
                "is missing; it is the primary key '" + column.name() + "', which every row needs")
            .endControlFlow();
      }
    }
    method.addStatement(
        "return new $T($L)",
        row,
        CodeBlock.join(vars.stream().map(v -> CodeBlock.of("$N", v)).toList(), ",$W"));
    return method.build();
  }

  private MethodSpec bind(StreamSpec stream, ClassName row, List<String> components) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("bind")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(row, "row")
            .addParameter(PreparedStatement.class, "statement")
            .addException(SQLException.class);
    for (int i = 0; i < components.size(); i++) {
      method.addStatement(
          "$T.bind(statement, $L, row.$N())", RuntimeTypes.JSON_COLUMNS, i + 1, components.get(i));
    }
    return method.build();
  }

  private MethodSpec readBack(StreamSpec stream, ClassName row) {
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < stream.columns().size(); i++) {
      ColumnType type = stream.columns().get(i).type();
      CodeBlock value = CodeBlock.of("stored.$L($L)", JavaTypes.getter(type), i + 1);
      args.add(
          type == ColumnType.JSON
              ? CodeBlock.of("$T.jsonNode($L)", RuntimeTypes.JSON_COLUMNS, value)
              : value);
    }
    return MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(row)
        .addParameter(RuntimeTypes.STORED_ROW, "stored")
        .addStatement("return new $T($L)", row, CodeBlock.join(args, ",$W"))
        .build();
  }

  /** The key columns' values in primary-key order, read through the row's accessors. */
  private MethodSpec key(StreamSpec stream, ClassName row, List<String> components) {
    List<String> columns = stream.columns().stream().map(ColumnSpec::name).toList();
    List<CodeBlock> values =
        stream.primaryKey().stream()
            .map(name -> CodeBlock.of("row.$N()", components.get(columns.indexOf(name))))
            .toList();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("key")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(List.class, Object.class))
            .addParameter(row, "row");
    return values.isEmpty()
        ? method.addStatement("return $T.of()", List.class).build()
        : method
            .addStatement("return $T.asList($L)", Arrays.class, CodeBlock.join(values, ",$W"))
            .build();
  }
}
