package dev.paw.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request per listed record: the source action lists records (message ids), and {@code action}
 * fetches each one (the message); the stream maps the child's response.
 *
 * @param params the child action's parameters; values are templates whose {@code {path}}
 *     placeholders take fields of the listed record ({@code {id}})
 */
public record ChildRequestSpec(Location location, String action, Map<String, String> params) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  public ChildRequestSpec {
    params = Values.orderedCopy(params);
  }

  /**
   * The fields of the listed record the parameters take ({@code id} for {@code "{id}"}), in order,
   * once each.
   */
  public List<String> fields() {
    return fieldsIn(String.join(" ", params.values()));
  }

  /** The {@code {path}} placeholders of a parameter template, in order, once each. */
  public static List<String> fieldsIn(String template) {
    Set<String> fields = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      fields.add(m.group(1));
    }
    return List.copyOf(fields);
  }
}
