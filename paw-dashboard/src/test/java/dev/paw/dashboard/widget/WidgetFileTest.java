package dev.paw.dashboard.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** widgets.yaml: read with file:line:col problems, written back whole. */
class WidgetFileTest {

  @TempDir Path dir;

  @Test
  void readsWidgetsAndTheDefaultsSwitch() {
    WidgetFile.Contents contents =
        WidgetFile.parse(
            """
            defaults: false
            widgets:
              - title: Open invoices
                kind: number
                sql: SELECT count(*) FROM stripe_invoices WHERE status = 'open'
              - title: Revenue
                kind: bar
                sql: |
                  -- per month
                  SELECT month, revenue FROM monthly;
            """,
            "widgets.yaml");
    assertThat(contents.problems()).isEmpty();
    assertThat(contents.defaults()).isFalse();
    assertThat(contents.widgets())
        .extracting(Widget::title, Widget::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Open invoices", WidgetKind.NUMBER),
            org.assertj.core.groups.Tuple.tuple("Revenue", WidgetKind.BAR));
  }

  @Test
  void everyProblemNamesFileLineAndColumn() {
    WidgetFile.Contents contents =
        WidgetFile.parse(
            """
            widgets:
              - title: A
                kind: pie
                sql: SELECT 1
              - title: B
                kind: number
                sql: DELETE FROM stripe_invoices
              - title: C
                kind: list
              - title: D
                kind: table
                sql: SELECT 1; DROP TABLE x
                colour: red
            layout: grid
            """,
            "pockets/shop/widgets.yaml");
    assertThat(contents.problems())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder(
            "pockets/shop/widgets.yaml:3:11: unknown kind 'pie'; kinds: number, table, bar, line, list",
            "pockets/shop/widgets.yaml:7:10: a widget's query must read (SELECT, WITH or VALUES), not"
                + " 'delete'",
            "pockets/shop/widgets.yaml:8:5: a widget needs 'sql'",
            "pockets/shop/widgets.yaml:12:10: a widget's query is one statement (no ';' inside)",
            "pockets/shop/widgets.yaml:13:5: unknown key 'colour'; known keys: kind, sql, title",
            "pockets/shop/widgets.yaml:14:1: unknown key 'layout'; known keys: defaults, widgets");
    assertThat(contents.widgets()).isEmpty();
  }

  @Test
  void aYamlSyntaxErrorIsLocatedToo() {
    assertThat(WidgetFile.parse("widgets:\n  - title: [unclosed\n", "w.yaml").problems())
        .singleElement()
        .asString()
        .startsWith("w.yaml:3:1: YAML syntax error");
  }

  @Test
  void writtenFilesReadBackTheSame() throws Exception {
    List<Widget> widgets =
        List.of(
            new Widget("Say \"hi\": now", WidgetKind.LIST, "SELECT 'a;b' AS x\nFROM t"),
            new Widget("n", WidgetKind.NUMBER, "SELECT 1"));
    Path file = dir.resolve(WidgetFile.NAME);
    WidgetFile.write(file, widgets, true);
    WidgetFile.Contents back = WidgetFile.read(file);
    assertThat(back.problems()).isEmpty();
    assertThat(back.widgets()).isEqualTo(widgets);
    assertThat(back.defaults()).isTrue();
  }
}
