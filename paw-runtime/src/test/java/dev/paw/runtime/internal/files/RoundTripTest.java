package dev.paw.runtime.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for random tables of tricky values written as CSV (any delimiter, header or not, LF or
 * CRLF, quoted or not), importing and exporting gives back the same header and the same values,
 * field for field, with NULL (an empty field) told apart from the empty string ({@code ""}). Typed
 * columns really are typed. A JSON export imported again holds the same rows.
 */
class RoundTripTest {

  private static final String[] TRICKY = {
    "",
    "007",
    "+1",
    "-0",
    "0",
    "-0.0",
    "0.0",
    "1.50",
    "1.5",
    "1e3",
    "1E-7",
    "NaN",
    "Infinity",
    "-Infinity",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "123456789012345678901234567890",
    "0.30000000000000004",
    "123456789012345.6",
    "-12.340",
    ".5",
    "5.",
    "1,000",
    "１２３",
    "true",
    "TRUE",
    "True",
    "tRUE",
    "false",
    "2024-02-29",
    "2023-02-29",
    "2024-02-29T10:00:00Z",
    "2024-02-29 10:00",
    " 1",
    "1 ",
    "  spaced  ",
    "a,b",
    "a;b",
    "a\tb",
    "a|b",
    "quote \"inside\"",
    "\"",
    "\"\"",
    "line\nbreak",
    "cr\ronly",
    "crlf\r\nend",
    "\n",
    "ünïcödé",
    "日本語",
    "😀 emoji",
    "\uFEFFbom inside",
    "=SUM(A1)",
    "NULL",
    "\\N",
    "null",
    "x".repeat(300)
  };
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int RUNS = 120;

  @TempDir Path dir;
  ScratchPocket pocket;

  @BeforeEach
  void open() throws Exception {
    // a tiny sample and batch, so late type changes (and reloads) happen in the property runs too
    pocket = new ScratchPocket(dir, new ImportLimits(1 << 20, 2000, 4, 3));
  }

  @AfterEach
  void close() throws Exception {
    pocket.close();
  }

  /** A column generator: what kind of values a column mostly holds. */
  private enum Kind {
    INTEGERS,
    FIXED_DECIMALS,
    SHORT_DECIMALS,
    BOOLEANS,
    DATES,
    TRICKY
  }

  private record Table(
      List<String> header, List<List<String>> rows, List<Kind> kinds, List<Boolean> pure) {}

  @Test
  void importThenExportGivesBackEveryValue() throws Exception {
    Random random = new Random(20260102);
    int typedColumns = 0;
    int reloads = 0;
    for (int run = 0; run < RUNS; run++) {
      Table table = randomTable(random);
      char delimiter = DELIMITERS[random.nextInt(DELIMITERS.length)];
      boolean header = table.header() != null;
      String eol = random.nextBoolean() ? "\r\n" : "\n";
      Path file = dir.resolve("t" + run + ".csv");
      Files.writeString(file, csv(table, delimiter, eol, random), StandardCharsets.UTF_8);
      String context =
          "run "
              + run
              + " delimiter '"
              + delimiter
              + "' header "
              + header
              + ":\n"
              + Files.readString(file);

      ImportResult imported =
          pocket.importFile(
              ImportRequest.of(file)
                  .withTableName("t" + run)
                  .withDelimiter(String.valueOf(delimiter))
                  .withHeader(header));
      Path exported = dir.resolve("t" + run + ".out.csv");
      pocket.actions.exportTable(pocket.connection, "t" + run, exported, ExportFormat.CSV);

      assertThat(parse(exported, ',')).as(context).isEqualTo(parse(file, delimiter));
      for (int column = 0; column < table.kinds().size(); column++) {
        int c = column;
        boolean hasValues = table.rows().stream().anyMatch(row -> row.get(c) != null);
        if (table.pure().get(column) && table.kinds().get(column) == Kind.INTEGERS && hasValues) {
          assertThat(imported.columns().get(column).type()).as(context).isEqualTo("INTEGER");
        }
        typedColumns += imported.columns().get(column).type().equals("TEXT") ? 0 : 1;
      }
      reloads += imported.loads() - 1;

      if (table.rows().isEmpty()) {
        continue; // an empty JSON array has no keys, so no columns to import
      }
      Path json = dir.resolve("t" + run + ".json");
      pocket.actions.exportTable(pocket.connection, "t" + run, json, ExportFormat.JSON);
      pocket.importFile(ImportRequest.of(json).withTableName("j" + run));
      assertThat(pocket.rows("SELECT * FROM j" + run))
          .as(context)
          .isEqualTo(pocket.rows("SELECT * FROM t" + run));
    }
    assertThat(typedColumns).as("columns stored as a type other than TEXT").isGreaterThan(RUNS);
    assertThat(reloads)
        .as("imports whose sample chose a type the rest of the file broke")
        .isGreaterThan(RUNS / 20);
  }

  private static Table randomTable(Random random) {
    int width = 1 + random.nextInt(6);
    int height = random.nextInt(25);
    List<Kind> kinds = new ArrayList<>();
    List<Boolean> pure = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
      pure.add(random.nextInt(3) > 0);
    }
    List<String> header = null;
    if (random.nextInt(4) > 0) {
      header = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        int pick = random.nextInt(6);
        header.add(
            pick == 0
                ? TRICKY[random.nextInt(TRICKY.length)]
                : pick == 1
                    ? (c % 2 == 0 ? "Name" : "name")
                    : pick == 2 && width > 1 ? null : "Col " + c);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < height; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        row.add(value(random, kinds.get(c), pure.get(c)));
      }
      rows.add(row);
    }
    if (width == 1) {
      // a one-column file cannot start with an empty line: that line is skipped before the header
      // is known
      if (header != null && header.get(0) == null) {
        header.set(0, "h");
      }
      if (header == null && !rows.isEmpty() && rows.get(0).get(0) == null) {
        rows.get(0).set(0, "x");
      }
    }
    if (header == null && rows.isEmpty()) {
      rows.add(new ArrayList<>(java.util.Collections.nCopies(width, "v")));
    }
    List<String> first = header != null ? header : rows.get(0);
    if (first.get(0) != null && first.get(0).startsWith("\uFEFF")) {
      first.set(
          0, "not a BOM"); // U+FEFF first in a file is its byte order mark, which readers drop
    }
    return new Table(header, rows, kinds, pure);
  }

  private static String value(Random random, Kind kind, boolean pure) {
    if (random.nextInt(8) == 0) {
      return null;
    }
    if (!pure && random.nextInt(6) == 0) {
      return TRICKY[random.nextInt(TRICKY.length)];
    }
    switch (kind) {
      case INTEGERS:
        return Long.toString(
            random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2000) - 1000);
      case FIXED_DECIMALS:
        return String.format(
                java.util.Locale.ROOT,
                "%d.%02d",
                random.nextInt(100000) - 50000,
                random.nextInt(100))
            .replace("-0.", random.nextBoolean() ? "0." : "1.");
      case SHORT_DECIMALS:
        return new java.math.BigDecimal(random.nextInt(2_000_000) - 1_000_000)
            .movePointLeft(random.nextInt(6))
            .stripTrailingZeros()
            .toPlainString();
      case BOOLEANS:
        return random.nextBoolean() ? "true" : "false";
      case DATES:
        return java.time.LocalDate.ofEpochDay(random.nextInt(40000)).toString();
      default:
        return TRICKY[random.nextInt(TRICKY.length)];
    }
  }

  /**
   * Writes a CSV: NULL as an empty field, "" quoted, quotes where needed and sometimes where not.
   */
  private static String csv(Table table, char delimiter, String eol, Random random) {
    StringBuilder out = new StringBuilder();
    if (table.header() != null) {
      line(out, table.header(), delimiter, eol, random);
    }
    for (List<String> row : table.rows()) {
      line(out, row, delimiter, eol, random);
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, List<String> fields, char delimiter, String eol, Random random) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      String value = fields.get(i);
      if (value == null) {
        continue;
      }
      boolean needsQuotes =
          value.isEmpty()
              || value.indexOf(delimiter) >= 0
              || value.indexOf('"') >= 0
              || value.indexOf('\n') >= 0
              || value.indexOf('\r') >= 0;
      if (needsQuotes || random.nextInt(5) == 0) {
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        out.append(value);
      }
    }
    out.append(eol);
  }

  /** A reference reading: every record's fields, {@code null} for an empty unquoted field. */
  private static List<List<String>> parse(Path file, char delimiter) throws IOException {
    List<List<String>> records = new ArrayList<>();
    class Fields extends AbstractBaseCsvCallbackHandler<List<String>> {
      private List<String> fields = new ArrayList<>();

      @Override
      protected void handleBegin(long line) {
        fields = new ArrayList<>();
      }

      @Override
      protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
        fields.add(length == 0 && !quoted ? null : new String(buffer, offset, length));
      }

      @Override
      protected void handleEmpty() {
        fields.add(null);
      }

      @Override
      protected List<String> buildRecord() {
        return fields;
      }
    }
    try (CsvReader<List<String>> reader =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .skipEmptyLines(false)
            .allowUnclosedQuote(false)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .build(new Fields(), file, StandardCharsets.UTF_8)) {
      reader.forEach(records::add);
    }
    return records;
  }
}
