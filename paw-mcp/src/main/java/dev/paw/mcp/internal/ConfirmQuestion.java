package dev.paw.mcp.internal;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the human is asked about one {@code confirm} call: what will be sent, to which service, with
 * which values. The values are the runtime's redacted parameters, so no secret is ever shown.
 */
public record ConfirmQuestion(
    String service,
    String connector,
    String action,
    String description,
    String method,
    String url,
    Map<String, Object> values,
    String pocket) {

  public ConfirmQuestion {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** The message the client shows its user. */
  public String message() {
    String shown =
        values.isEmpty()
            ? "no values"
            : values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(
                    e ->
                        "  "
                            + e.getKey()
                            + " = "
                            + ToolText.clean(String.valueOf(e.getValue()), 300))
                .collect(Collectors.joining("\n"));
    return "An agent asks paw to run '"
        + action
        + "' of "
        + ToolText.clean(service, 100)
        + " for pocket '"
        + pocket
        + (method.equals("LOCAL")
            ? "'.\nIt runs inside paw, on " + url
            : "'.\nIt will send: " + method + " " + url)
        + "\nwith:\n"
        + shown
        + (description == null || description.isBlank()
            ? ""
            : "\nThe connector file describes it as: " + ToolText.clean(description, 300))
        + "\nTick 'confirm' and accept to send it once; decline to send nothing.";
  }
}
