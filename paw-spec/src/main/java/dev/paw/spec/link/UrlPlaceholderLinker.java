package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.Location;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves each action's URL against the rest of the connector: a relative URL needs the
 * connector's {@code base_url}, and each placeholder is a credential or one of the action's {@code
 * params}, which then goes in the path rather than the query. No parameter may set the host.
 */
final class UrlPlaceholderLinker {

  private final Diagnostics diagnostics;

  UrlPlaceholderLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The action's URL template if it can be resolved; {@code null} (with an error) if it cannot. */
  UrlTemplate template(ReadAction read, String baseUrl) {
    UrlTemplate template = read.url();
    if (template != null && !template.isAbsolute() && baseUrl == null) {
      diagnostics.error(
          read.urlLocation(),
          "url '"
              + read.action().url()
              + "' of action '"
              + read.action().name()
              + "' is relative, but the connector has no base_url");
      return null;
    }
    return template;
  }

  /**
   * The action with the parameters that fill the placeholders of {@code template} (if any) in the
   * path.
   */
  ActionSpec link(ReadAction read, UrlTemplate template, AuthSpec auth) {
    ActionSpec action = read.action();
    if (template == null) {
      return action;
    }
    Location at = read.urlLocation();
    String what = "action '" + action.name() + "'";
    List<String> known = new ArrayList<>();
    auth.credentials().forEach(c -> known.add(c.name()));
    action.params().forEach(p -> known.add(p.name()));
    List<ParamSpec> placed = new ArrayList<>(action.params());
    for (String placeholder : template.placeholders().stream().distinct().toList()) {
      if (auth.hasCredential(placeholder)) {
        continue;
      }
      int index = indexOf(placed, placeholder);
      if (index >= 0) {
        placed.set(index, placed.get(index).withIn(ParamIn.PATH));
        if (template.hostPlaceholders().contains(placeholder)) {
          diagnostics.error(
              at,
              "placeholder '{"
                  + placeholder
                  + "}' sets the host in the url of "
                  + what
                  + "; only a"
                  + " credential may do that (a parameter could send requests anywhere)");
        }
      } else if (indexOf(action.body(), placeholder) >= 0) {
        diagnostics.error(
            at,
            "placeholder '{"
                + placeholder
                + "}' in the url of "
                + what
                + " is a body field;"
                + " declare it under params");
      } else {
        diagnostics.error(
            at,
            "placeholder '{"
                + placeholder
                + "}' in the url of "
                + what
                + " matches no credential or parameter"
                + Wording.didYouMean(placeholder, known));
      }
    }
    return action.withParams(placed);
  }

  private static int indexOf(List<ParamSpec> params, String name) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
