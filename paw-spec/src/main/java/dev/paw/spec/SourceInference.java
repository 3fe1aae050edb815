package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which list action feeds a sync stream that does not name its {@code source}, and which of that
 * action's required parameters nothing supplies. One rule for the linker (which warns) and the
 * runtime (which lets a connection supply the missing parameters at connect time).
 */
public final class SourceInference {

  private SourceInference() {}

  /**
   * The actions whose name says they list the table's entity, in the first tier that has any:
   * {@code list_<entity>}, then {@code <entity>}, {@code get_<entity>} or {@code fetch_<entity>},
   * then any {@code *_<entity>}. The entity is the table name without the connector's name ({@code
   * stripe_invoices} → {@code invoices}) or, failing that, without its first word ({@code
   * snow_incidents} → {@code incidents}). Only {@code GET} actions with a url count. One name is
   * the source; none or several mean it cannot be told.
   */
  public static List<String> candidates(ConnectorSpec connector, String table) {
    String entity =
        table.startsWith(connector.name() + "_")
            ? table.substring(connector.name().length() + 1)
            : table.contains("_") ? table.substring(table.indexOf('_') + 1) : table;
    List<ActionSpec> readable =
        connector.actions().stream()
            .filter(a -> a.method() == HttpMethod.GET && a.url() != null)
            .toList();
    List<List<String>> tiers =
        List.of(
            names(readable, n -> n.equals("list_" + entity)),
            names(
                readable,
                n -> n.equals(entity) || n.equals("get_" + entity) || n.equals("fetch_" + entity)),
            names(readable, n -> n.endsWith("_" + entity)));
    for (List<String> tier : tiers) {
      if (!tier.isEmpty()) {
        return tier;
      }
    }
    return List.of();
  }

  /**
   * Required parameters of {@code source} that nothing supplies: no default, no value in {@code
   * params}, no credential of that name, not the incremental or the pagination parameter.
   */
  public static List<String> missingParams(
      ConnectorSpec connector,
      ActionSpec source,
      Map<String, Object> params,
      IncrementalSpec incremental) {
    List<String> missing = new ArrayList<>();
    for (ParamSpec p : source.allParams()) {
      boolean supplied =
          p.defaultValue() != null
              || params.containsKey(p.name())
              || connector.auth().hasCredential(p.name())
              || (incremental != null && incremental.param().equals(p.name()))
              || p.name().equals(source.pagination().param());
      if (p.required() && !supplied) {
        missing.add(p.name());
      }
    }
    return missing;
  }

  private static List<String> names(List<ActionSpec> actions, Predicate<String> test) {
    return actions.stream().map(ActionSpec::name).filter(test).toList();
  }
}
