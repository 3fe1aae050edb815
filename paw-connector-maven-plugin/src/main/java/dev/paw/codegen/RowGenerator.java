package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.StreamSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates the record that holds one row of a synced table, one component per column. */
final class RowGenerator {

  /** The Java component name of each column, in column order (shared with the mapper). */
  static List<String> componentNames(StreamSpec stream) {
    NameAllocator names = new NameAllocator();
    return stream.columns().stream()
        .map(c -> names.allocate(JavaNames.memberName(c.name())))
        .toList();
  }

  TypeSpec generate(StreamSpec stream, ClassName row) {
    List<String> names = componentNames(stream);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    TypeSpec.Builder type =
        TypeSpec.recordBuilder(row)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "A row of table {@code $L}, synced from {@code $L}.\n\n",
                stream.table(),
                stream.source());
    for (int i = 0; i < stream.columns().size(); i++) {
      ColumnSpec column = stream.columns().get(i);
      constructor.addParameter(
          ParameterSpec.builder(
                  JavaTypes.component(column.type(), stream.primaryKey().contains(column.name())),
                  names.get(i))
              .build());
      type.addJavadoc(
          "@param $L column {@code $L}$L, from the API field {@code $L}$L\n",
          names.get(i),
          column.name(),
          column.type().sqlType().isEmpty() ? "" : " (" + column.type().wireName() + ")",
          Javadoc.escape(column.from()),
          stream.primaryKey().contains(column.name()) ? "; part of the primary key" : "");
    }
    return type.recordConstructor(constructor.build()).build();
  }
}
