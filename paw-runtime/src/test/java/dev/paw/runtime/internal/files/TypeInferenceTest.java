package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column types are recognised from the data and stored as SQLite types, but never at the cost of a
 * value: what would not come back exactly stays text. The result never depends on the sample size.
 */
class TypeInferenceTest {

  @TempDir Path dir;
  ScratchPocket pocket;

  @BeforeEach
  void open() throws Exception {
    pocket = new ScratchPocket(dir);
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  @Test
  void storesEachRecognisedTypeNatively() throws Exception {
    Path file =
        pocket.write(
            "t.csv",
            "id,price,ratio,paid,day,at,name\n"
                + "1,2.50,0.5,true,2024-02-29,2024-02-29T10:00:00Z,Ann\n"
                + "-2,10.00,3,false,2024-03-01,2024-03-01 11:30,Bob\n");

    ImportResult result = pocket.importFile(file);

    assertThat(result.columns())
        .extracting(ColumnInfo::type)
        .containsExactly("INTEGER", "REAL", "REAL", "BOOLEAN", "DATE", "DATETIME", "TEXT");
    assertThat(result.columns())
        .extracting(ColumnInfo::format)
        .containsExactly(
            "integer", "real:2", "real", "boolean:true/false", "date", "datetime", "text");
    assertThat(pocket.typed("t", "id")).containsExactly("integer:1", "integer:-2");
    assertThat(pocket.typed("t", "price")).containsExactly("real:2.5", "real:10.0");
    assertThat(pocket.typed("t", "paid")).containsExactly("integer:1", "integer:0");
    assertThat(pocket.typed("t", "day")).containsExactly("text:2024-02-29", "text:2024-03-01");
    assertThat(pocket.rows("SELECT sum(price) FROM t WHERE price > 5"))
        .containsExactly(java.util.List.of(10.0));
  }

  @Test
  void valuesThatWouldNotSurviveKeepTheirColumnText() throws Exception {
    Path file =
        pocket.write(
            "t.csv",
            "zip,plus,big,sci,nan,mixed,scales\n"
                + "007,+1,123456789012345678901,1e3,NaN,1,1.50\n"
                + "123,2,5,2,1.5,x,1.5\n");

    pocket.importFile(file);

    assertThat(pocket.typed("t", "zip")).containsExactly("text:007", "text:123");
    assertThat(pocket.typed("t", "plus")).containsExactly("text:+1", "text:2");
    assertThat(pocket.typed("t", "big")).containsExactly("text:123456789012345678901", "text:5");
    assertThat(pocket.typed("t", "sci")).containsExactly("text:1e3", "text:2");
    assertThat(pocket.typed("t", "nan")).containsExactly("text:NaN", "text:1.5");
    assertThat(pocket.typed("t", "mixed")).containsExactly("text:1", "text:x");
    assertThat(pocket.typed("t", "scales")).containsExactly("text:1.50", "text:1.5");
  }

  @Test
  void nullsDoNotDecideATypeButEmptyStringsMakeText() throws Exception {
    Path file = pocket.write("t.csv", "a,b,c\n1,,\n,\"\",\n3,4,\n");

    ImportResult result = pocket.importFile(file);

    assertThat(result.columns())
        .extracting(ColumnInfo::type)
        .containsExactly("INTEGER", "TEXT", "TEXT");
    assertThat(pocket.typed("t", "a")).containsExactly("integer:1", "null", "integer:3");
    assertThat(pocket.typed("t", "b")).containsExactly("null", "text:", "text:4");
    assertThat(pocket.typed("t", "c")).containsExactly("null", "null", "null");
  }

  @Test
  void aValuePastTheSampleThatBreaksATypeReloadsTheColumnAsText() throws Exception {
    StringBuilder csv = new StringBuilder("id,code\n");
    for (int i = 1; i <= 100; i++) {
      csv.append(i).append(',').append(i).append('\n');
    }
    csv.append("101,0042\n");
    Path file = pocket.write("late.csv", csv.toString());

    try (ScratchPocket small = new ScratchPocket(dir, new ImportLimits(1 << 20, 2000, 10, 8))) {
      ImportResult result = small.importFile(file);

      assertThat(result.loads()).isEqualTo(2);
      assertThat(result.columns()).extracting(ColumnInfo::type).containsExactly("INTEGER", "TEXT");
      assertThat(small.typed("late", "code"))
          .hasSize(101)
          .startsWith("text:1", "text:2")
          .endsWith("text:0042");
    }
  }

  @Test
  void aColumnEmptyInTheSampleGetsTheTypeOfTheWholeFile() throws Exception {
    StringBuilder csv = new StringBuilder("id,later\n");
    for (int i = 1; i <= 50; i++) {
      csv.append(i).append(",\n");
    }
    csv.append("51,7\n");
    Path file = pocket.write("sparse.csv", csv.toString());

    ImportResult sampled = pocket.importFile(ImportRequest.of(file).withTableName("whole"));
    try (ScratchPocket small = new ScratchPocket(dir, new ImportLimits(1 << 20, 2000, 5, 4))) {
      ImportResult result = small.importFile(ImportRequest.of(file).withTableName("sampled"));

      assertThat(result.loads()).isEqualTo(2);
      assertThat(result.columns()).isEqualTo(sampled.columns());
      assertThat(small.typed("sampled", "later")).endsWith("integer:7");
    }
  }

  @Test
  void theSampleAloneDecidesWhenTheRestAgrees() throws Exception {
    StringBuilder csv = new StringBuilder("n\n");
    for (int i = 0; i < 100; i++) {
      csv.append(i).append('\n');
    }
    try (ScratchPocket small = new ScratchPocket(dir, new ImportLimits(1 << 20, 2000, 5, 4))) {
      ImportResult result = small.importFile(small.write("n.csv", csv.toString()));

      assertThat(result.loads()).isEqualTo(1);
      assertThat(result.rowsImported()).isEqualTo(100);
      assertThat(small.rows("SELECT sum(n) FROM n")).containsExactly(java.util.List.of(4950));
    }
  }

  @Test
  void booleanSpellingsAreKeptPerColumn() throws Exception {
    Path file = pocket.write("b.csv", "a,b,c,d\ntrue,TRUE,True,true\nfalse,FALSE,False,False\n");

    ImportResult result = pocket.importFile(file);

    assertThat(result.columns())
        .extracting(ColumnInfo::format)
        .containsExactly("boolean:true/false", "boolean:TRUE/FALSE", "boolean:True/False", "text");
  }
}
