package dev.paw.spec.yaml;

import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import java.util.List;

/** Reads an action's {@code params} (the query) and {@code body}, a name going to one of them. */
final class ActionParamsReader {

  /** An action's parameters, by where they go. */
  record Params(List<ParamSpec> query, List<ParamSpec> body) {}

  private final YamlReader reader;
  private final ParamReader params;

  ActionParamsReader(YamlReader reader) {
    this.reader = reader;
    this.params = new ParamReader(reader);
  }

  /**
   * The query and body parameters of action {@code name}; a body on a GET or DELETE with a URL is
   * warned about.
   */
  Params read(YamlMapping a, String name, String what, HttpMethod method, String url) {
    List<ParamSpec> query = params.read(a.value("params"), "params", name, ParamIn.QUERY);
    List<ParamSpec> body = params.read(a.value("body"), "body", name, ParamIn.BODY);
    checkDuplicates(query, body, what);
    if (!body.isEmpty()
        && (method == HttpMethod.GET || method == HttpMethod.DELETE)
        && url != null) {
      reader.warning(
          a.keyNode("body"), what + " is a " + method + " with a body; many servers ignore it");
    }
    return new Params(query, body);
  }

  private void checkDuplicates(List<ParamSpec> query, List<ParamSpec> body, String what) {
    for (ParamSpec b : body) {
      for (ParamSpec q : query) {
        if (q.name().equals(b.name())) {
          reader
              .diagnostics()
              .error(
                  b.location(),
                  "parameter '"
                      + b.name()
                      + "' of "
                      + what
                      + " is in both params and"
                      + " body (first at line "
                      + q.location().line()
                      + "); a name can go to one place only");
        }
      }
    }
  }
}
