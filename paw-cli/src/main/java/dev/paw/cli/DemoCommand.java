package dev.paw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paw demo}: a real end-to-end job with nothing to install: the file connector imports a
 * bundled sales file into a pocket's pocket.db through the runtime (checked, audited), then the
 * command shows what landed.
 */
@Command(
    name = "demo",
    description =
        "Import a sample sales file into a pocket and show what landed: tables,"
            + " inferred types, a query, the audit trail.")
final class DemoCommand implements Callable<Integer> {

  private final CliContext context;

  // not a PocketOption: only the demo has a pocket of its own to fall back on
  @Option(
      names = "--pocket",
      defaultValue = "Demo",
      paramLabel = "POCKET",
      description = "The pocket to import into (default: ${DEFAULT-VALUE}).")
  String pocketName;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException, SQLException {
    PrintWriter out = context.terminal().out();
    Pocket pocket = context.pocket(pocketName);
    ConnectorProtocol files = context.paw().connector(pocket, "csv");
    Path sample = sampleFile();

    out.println(
        "pocket '"
            + pocket.name()
            + "' at "
            + context.pawHome().pocketsDirectory().resolve(pocket.slug()).resolve("pocket.db"));
    JsonNode imported =
        run(files, "import_file", Map.of("file_path", sample.toString(), "table_name", "sales"));
    out.printf(
        "imported %,d rows from %s into table 'sales' in %d ms%n",
        imported.get("rows_imported").asLong(),
        sample.getFileName(),
        imported.get("millis").asLong());
    List<List<Object>> columns = new ArrayList<>();
    for (JsonNode column : imported.get("columns")) {
      columns.add(
          List.of(
              column.get("name").asText(),
              column.get("type").asText(),
              column.get("format").asText()));
    }
    Output.table(out, List.of("COLUMN", "STORED AS", "FORMAT (kept exactly)"), columns);

    out.println();
    out.println("revenue by region (query_table runs on a read-only connection):");
    table(
        out,
        run(
            files,
            "query_table",
            Map.of(
                "query",
                "SELECT region, count(*) AS orders,"
                    + " printf('%.2f', sum(quantity * unit_price)) AS revenue FROM sales GROUP BY region ORDER BY 3 DESC")));

    out.println();
    out.println("first rows:");
    table(out, run(files, "preview_table", Map.of("table_name", "sales", "limit", 3)));

    out.println();
    out.println("audit trail of '" + pocket.name() + "' (newest first):");
    for (AuditEntry entry : context.paw().audit(pocket).read(AuditQuery.recent().limit(4))) {
      out.printf(
          "  %s %s %s.%s %s%n",
          entry.time(),
          entry.actor(),
          entry.connector(),
          entry.target(),
          entry.outcome().wireName());
    }
    out.println();
    out.println(
        "next: paw run csv query_table --pocket "
            + quoted(pocket.name())
            + " -p query=\"SELECT * FROM sales LIMIT 5\"   |   paw connectors list   |   paw --help");
    return ExitCodes.OK;
  }

  private static String quoted(String name) {
    return name.contains(" ") ? "\"" + name + "\"" : name;
  }

  private static JsonNode run(ConnectorProtocol files, String action, Map<String, Object> params) {
    return files.execute(action, params).toCompletableFuture().join().json();
  }

  /** Prints a {@code columns}/{@code rows} result as a table. */
  private static void table(PrintWriter out, JsonNode result) {
    List<String> headers = new ArrayList<>();
    result
        .get("columns")
        .forEach(c -> headers.add(c.isTextual() ? c.asText() : c.get("name").asText()));
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : result.get("rows")) {
      List<Object> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(cell.isNull() ? null : cell.asText().replace("\n", "\\n")));
      rows.add(cells);
    }
    Output.table(out, headers, rows);
  }

  /** The bundled sample, copied out of the jar so the importer reads it as a user's file. */
  private static Path sampleFile() throws IOException {
    Path file = Files.createTempDirectory("paw-demo").resolve("sales.csv");
    try (InputStream in = DemoCommand.class.getResourceAsStream("demo/sales.csv")) {
      if (in == null) {
        throw new IOException("the demo's sample file is missing from the paw jar");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    file.getParent().toFile().deleteOnExit();
    return file;
  }
}
