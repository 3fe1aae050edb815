package dev.paw.runtime.internal.http;

import dev.paw.runtime.credentials.MissingCredentialException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.CredentialSource;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.UrlTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Fills a URL template. The template's origin (scheme, host, port, and any base path a credential
 * brings) comes from the template's literal text and credentials only. Every value after it is
 * percent-encoded except the RFC 3986 unreserved characters, so {@code /}, {@code ?}, {@code #},
 * {@code @}, {@code %}, line breaks and non-ASCII stay data inside one path segment or query value.
 * A reserved {@code {+name}} value may add {@code /}-separated segments, but none empty, {@code .}
 * or {@code ..}, and no {@code ?} or {@code #}. A segment that a value makes {@code .} or {@code
 * ..} is refused: servers, and OkHttp itself, would resolve it and move the request up the path.
 * After building, the host and the number of segments are checked against the template as a last
 * line of defence.
 */
final class UrlExpander {

  private enum Mode {
    ORIGIN,
    PATH,
    QUERY,
    FRAGMENT
  }

  private final CredentialSource credentials;
  private final String connector;
  private final String context;

  /**
   * @param connector whose declared credentials may fill placeholders: no other stored or
   *     environment value can reach a URL, whatever the template names
   */
  UrlExpander(ConnectorSpec connector, CredentialSource credentials, String context) {
    Set<String> declared =
        connector.auth().credentials().stream()
            .map(CredentialSpec::name)
            .collect(Collectors.toSet());
    this.credentials = name -> declared.contains(name) ? credentials.get(name) : Optional.empty();
    this.connector = connector.name();
    this.context = context;
  }

  /**
   * The template with its placeholders filled: credentials first, then {@code values}.
   *
   * @param template a complete (absolute) template
   * @param placed names of the parameters the URL may take ({@code values} may hold others, for the
   *     query)
   * @return the URL, or {@code null} when problems were found (they are added to {@code problems})
   */
  HttpUrl expand(
      String template,
      Map<String, Object> values,
      Set<String> placed,
      List<InvalidParametersException.Problem> problems) {
    UrlTemplate parsed = UrlTemplate.parse(template).template();
    if (parsed == null) {
      throw new IllegalArgumentException(
          "malformed url template of " + context + ": " + UrlTemplate.parse(template).error());
    }
    StringBuilder origin = new StringBuilder();
    List<UrlSegment> segments = new ArrayList<>();
    StringBuilder query = new StringBuilder();
    Mode mode = Mode.ORIGIN;
    int before = problems.size();
    for (UrlTemplate.Part part : parsed.parts()) {
      if (!part.placeholder()) {
        mode = literal(part.text(), mode, origin, segments, query);
        continue;
      }
      String name = part.text();
      Optional<Secret> credential = credentials.get(name);
      switch (mode) {
        case ORIGIN -> {
          if (credential.isEmpty()) {
            if (placed.contains(name)) {
              problems.add(
                  new InvalidParametersException.Problem(
                      name,
                      "parameter '"
                          + name
                          + "' cannot set the"
                          + " host of the url; only a credential may"));
            } else {
              throw new MissingCredentialException(name, connector, context);
            }
          } else {
            origin.append(hostValue(name, credential.get().reveal()));
          }
        }
        case PATH -> {
          String value = credential.map(Secret::reveal).orElse(null);
          if (value == null) {
            value = pathValue(name, values, placed, problems);
          }
          if (value != null) {
            if (part.reserved()) {
              reserved(name, value, segments, problems);
            } else {
              current(segments).append(name, value);
            }
          }
        }
        case QUERY -> {
          String value = credential.map(Secret::reveal).orElse(null);
          if (value == null) {
            value = pathValue(name, values, placed, problems);
          }
          if (value != null) {
            query.append(PercentEncoding.encode(value));
          }
        }
        case FRAGMENT -> {}
      }
    }
    for (UrlSegment segment : segments) {
      if (segment.isDotSegment()) {
        problems.add(
            new InvalidParametersException.Problem(
                segment.valueNames().get(0),
                "parameter '"
                    + String.join("', '", segment.valueNames())
                    + "' makes the path segment '.' or '..', which would change"
                    + " the path"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return UrlAssembly.assemble(origin.toString(), segments, query.toString(), context);
  }

  private static Mode literal(
      String text,
      Mode start,
      StringBuilder origin,
      List<UrlSegment> segments,
      StringBuilder query) {
    Mode mode = start;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (mode == Mode.FRAGMENT) {
        break;
      }
      if (c == '#') {
        mode = Mode.FRAGMENT;
      } else if (mode == Mode.QUERY) {
        query.append(c);
      } else if (c == '?') {
        mode = Mode.QUERY;
      } else if (mode == Mode.ORIGIN) {
        if (c == ':' && text.startsWith("://", i)) {
          origin.append("://");
          i += 2;
        } else if (c == '/'
            && origin.length() > 0) { // the first '/' after "scheme://host" or a host credential
          mode = Mode.PATH;
          segments.add(new UrlSegment());
        } else {
          origin.append(c);
        }
      } else if (c == '/') {
        segments.add(new UrlSegment());
      } else {
        current(segments).literal(c);
      }
    }
    return mode;
  }

  private static UrlSegment current(List<UrlSegment> segments) {
    if (segments.isEmpty()) {
      segments.add(new UrlSegment());
    }
    return segments.get(segments.size() - 1);
  }

  private String pathValue(
      String name,
      Map<String, Object> values,
      Set<String> placed,
      List<InvalidParametersException.Problem> problems) {
    if (!placed.contains(name)) {
      throw new MissingCredentialException(name, connector, context);
    }
    Object value = values.get(name);
    if (value == null) {
      // an optional path parameter left out would leave an empty segment ("/items/" instead of
      // "/items/7")
      if (problems.stream().noneMatch(p -> p.parameter().equals(name))) {
        problems.add(
            new InvalidParametersException.Problem(
                name, "missing parameter '" + name + "', which the url" + " needs"));
      }
      return null;
    }
    if (!ValueText.isScalar(value)) {
      problems.add(
          new InvalidParametersException.Problem(
              name,
              "parameter '"
                  + name
                  + "' fills the url, so it must"
                  + " be a single value, not an object or array"));
      return null;
    }
    String text = ValueText.of(value);
    if (text.isEmpty()) {
      problems.add(
          new InvalidParametersException.Problem(
              name, "parameter '" + name + "' fills the url, so it" + " cannot be empty"));
      return null;
    }
    return text;
  }

  private static void reserved(
      String name,
      String value,
      List<UrlSegment> segments,
      List<InvalidParametersException.Problem> problems) {
    if (value.indexOf('?') >= 0 || value.indexOf('#') >= 0) {
      problems.add(
          new InvalidParametersException.Problem(
              name,
              "parameter '"
                  + name
                  + "' may hold a path but not"
                  + " '?' or '#' (give query parameters separately)"));
      return;
    }
    String path = value;
    if (path.startsWith("/") && current(segments).isEmpty()) {
      path = path.substring(1); // "{base}/{+path}" with path "/users": one slash, not two
    }
    String[] pieces = path.split("/", -1);
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (piece.isEmpty() || piece.equals(".") || piece.equals("..")) {
        problems.add(
            new InvalidParametersException.Problem(
                name, "parameter '" + name + "' holds an empty, '.' or" + " '..' path segment"));
        return;
      }
      if (i > 0) {
        segments.add(new UrlSegment());
      }
      current(segments).append(name, piece);
    }
  }

  /**
   * A credential that sets the scheme or host is the user's own configuration: used as written, but
   * checked.
   */
  private String hostValue(String name, String value) {
    if (value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)
        || value.indexOf('?') >= 0
        || value.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "credential '"
              + name
              + "' for "
              + context
              + " cannot be part of a URL: it"
              + " holds a space, a control character, '?' or '#'");
    }
    return value;
  }
}
