package dev.paw.runtime.internal.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.diagnostic.Diagnostic;
import dev.paw.spec.diagnostic.Wording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A sync of one REST endpoint described at connect time ({@code paw connect rest_generic --endpoint
 * url=/users --endpoint table=users ...}) instead of in a file. The options are written out as the
 * connector file a user would have written (a list action and a stream reading it) and compiled by
 * the same compiler, so they get the same checks and the same messages, each naming the option that
 * caused it. The action and stream are then added to the connector.
 */
final class EndpointStream {

  /** The action the endpoint's stream reads. */
  static final String ACTION = "list_endpoint";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");

  /** The options, in the order they are written; each is one line of the generated file. */
  static final List<String> OPTIONS =
      List.of(
          "url",
          "records",
          "pagination",
          "pagination.param",
          "pagination.path",
          "pagination.from",
          "pagination.has_more",
          "pagination.start",
          "pagination.size_param",
          "pagination.size",
          "pagination.max_pages",
          "table",
          "primary_key",
          "write_mode",
          "max_pages",
          "schedule");

  private static final List<String> WHOLE_NUMBERS =
      List.of("pagination.start", "pagination.size", "pagination.max_pages", "max_pages");

  private EndpointStream() {}

  /**
   * {@code connector} with the endpoint's action and stream added ({@code columns} as stored by
   * {@link ColumnInference}, or {@code null} before they are known).
   *
   * @throws IllegalArgumentException naming each option that is wrong and why
   */
  static ConnectorSpec apply(
      ConnectorSpec connector, Map<String, String> options, List<?> columns) {
    for (String option : options.keySet()) {
      if (!OPTIONS.contains(option)) {
        throw new IllegalArgumentException(
            "unknown endpoint option '"
                + option
                + "'"
                + Wording.hintOrList(option, OPTIONS, OPTIONS));
      }
    }
    if (options.get("url") == null || options.get("url").isBlank()) {
      throw new IllegalArgumentException(
          "endpoint option 'url' is required: the path below the base URL (or a whole URL) whose"
              + " records to sync, e.g. --endpoint url=/users");
    }
    String url = options.get("url");
    int scheme = url.indexOf("://");
    int hostEnd = url.indexOf('/', scheme + 3);
    if (scheme >= 0
        && url.substring(scheme + 3, hostEnd < 0 ? url.length() : hostEnd).contains("@")) {
      // the options are stored in pocket.db, which never holds a secret (the URL is not echoed)
      throw new IllegalArgumentException(
          "endpoint option 'url' must not hold a user name or password: store credentials with"
              + " --credential");
    }
    Map<Integer, String> lines = new HashMap<>();
    String yaml = yaml(connector, options, columns, lines);
    ConnectorLoader.Result result = ConnectorLoader.load(yaml, "endpoint");
    if (result.hasErrors()) {
      List<String> problems = new ArrayList<>();
      for (Diagnostic error : result.errors()) {
        String option = lines.get(error.location().line());
        problems.add(
            (option == null ? "endpoint" : "endpoint option '" + option + "'")
                + ": "
                + error.message());
      }
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    ConnectorSpec written = result.spec();
    ActionSpec action = written.action(ACTION).orElseThrow();
    StreamSpec stream = written.streams().get(0);
    if (columns == null) {
      stream = stream.toBuilder().columns(List.of()).build();
    }
    List<ActionSpec> actions = new ArrayList<>(connector.actions());
    actions.removeIf(a -> a.name().equals(ACTION));
    actions.add(action);
    return connector.toBuilder().actions(actions).streams(List.of(stream)).build();
  }

  private static String yaml(
      ConnectorSpec connector,
      Map<String, String> options,
      List<?> columns,
      Map<Integer, String> lines) {
    List<String> out = new ArrayList<>();
    out.add("name: " + quote(connector.name()));
    if (connector.baseUrl() != null) {
      out.add("base_url: " + quote(connector.baseUrl()));
    }
    out.add("auth:");
    out.add("  method: none");
    if (!connector.auth().credentials().isEmpty()) {
      out.add("  credentials:");
      for (CredentialSpec credential : connector.auth().credentials()) {
        out.add("    - name: " + quote(credential.name()));
        out.add("      required: false");
      }
    }
    out.add("actions:");
    out.add("  - name: " + ACTION);
    out.add("    trust_level: auto");
    option(out, lines, options, "url", "    url: ");
    option(out, lines, options, "records", "    records: ");
    if (options.keySet().stream().anyMatch(k -> k.startsWith("pagination"))) {
      out.add("    pagination:");
      for (String key : OPTIONS) {
        if (key.startsWith("pagination")) {
          String yamlKey =
              key.equals("pagination") ? "style" : key.substring("pagination.".length());
          option(out, lines, options, key, "      " + yamlKey + ": ");
        }
      }
    }
    out.add("sync:");
    if (!options.containsKey("table")) {
      options = new java.util.LinkedHashMap<>(options);
      options.put("table", "api_data");
    }
    option(out, lines, options, "table", "  table: ");
    out.add("  source: " + ACTION);
    if (options.containsKey("primary_key")) {
      lines.put(out.size() + 1, "primary_key");
      List<String> keys = new ArrayList<>();
      for (String key : options.get("primary_key").split(",", -1)) {
        keys.add(quote(key.strip()));
      }
      out.add("  primary_key: [" + String.join(", ", keys) + "]");
    }
    option(out, lines, options, "write_mode", "  write_mode: ");
    option(out, lines, options, "max_pages", "  max_pages: ");
    option(out, lines, options, "schedule", "  schedule: ");
    if (columns == null) {
      // before the first page is read: the key columns stand in, so the key and write mode are
      // checked now (the stream is given no columns until they are inferred)
      out.add("  mapping:");
      String keys = options.getOrDefault("primary_key", "id");
      for (String key : keys.split(",", -1)) {
        out.add("    " + quote(key.strip()) + ":");
      }
    } else if (!columns.isEmpty()) {
      out.add("  mapping:");
      for (Object each : columns) {
        Map<?, ?> column = (Map<?, ?>) each;
        out.add(
            "    "
                + quote((String) column.get("name"))
                + ": { from: "
                + quote((String) column.get("from"))
                + ", type: "
                + quote((String) column.get("type"))
                + " }");
      }
    }
    return String.join("\n", out) + "\n";
  }

  /** One option as one line, remembered so a diagnostic at that line names the option. */
  private static void option(
      List<String> out,
      Map<Integer, String> lines,
      Map<String, String> options,
      String option,
      String prefix) {
    String value = options.get(option);
    if (value == null) {
      return;
    }
    lines.put(out.size() + 1, option);
    boolean whole = WHOLE_NUMBERS.contains(option) && WHOLE.matcher(value.strip()).matches();
    out.add(prefix + (whole ? value.strip() : quote(value)));
  }

  /** A YAML double-quoted scalar: JSON's quoting, so no value can add a key or a line. */
  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
