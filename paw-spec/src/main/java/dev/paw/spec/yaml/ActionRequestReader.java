package dev.paw.spec.yaml;

import dev.paw.spec.HttpMethod;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.diagnostic.Wording;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads where an action goes: its HTTP method and its URL template. Which parameters fill the URL's
 * placeholders is for the linker to decide.
 */
final class ActionRequestReader {

  private static final List<String> METHOD_NAMES =
      Arrays.stream(HttpMethod.values()).map(Enum::name).toList();

  private final YamlReader reader;

  ActionRequestReader(YamlReader reader) {
    this.reader = reader;
  }

  /** The method of {@code what}; GET when absent or unusable (reported). */
  HttpMethod method(YamlMapping a, String what) {
    if (a.present("method") == null) {
      return HttpMethod.GET;
    }
    Node node = a.value("method");
    String text = reader.string(node, "'method' of " + what);
    if (text == null) {
      return HttpMethod.GET;
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (METHOD_NAMES.contains(upper)) {
      return HttpMethod.valueOf(upper); // PocketPaw upper-cases the method, so 'get' means GET
    }
    reader.error(
        node,
        "unknown HTTP method '"
            + text
            + "' in "
            + what
            + Wording.hintOrList(text, METHOD_NAMES, METHOD_NAMES));
    return HttpMethod.GET;
  }

  /** The parsed URL of {@code what}, or {@code null} when it is unusable (reported). */
  UrlTemplate template(Node node, String url, String what) {
    if (url.isBlank()) {
      reader.error(node, "url of " + what + " is empty");
      return null;
    }
    UrlTemplate.Result parsed = UrlTemplate.parse(url);
    if (parsed.error() != null) {
      reader.error(node, "malformed url of " + what + ": " + parsed.error());
      return null;
    }
    UrlTemplate template = parsed.template();
    if (url.contains("://") && !url.startsWith("https://") && !url.startsWith("http://")) {
      reader.error(
          node,
          "url of "
              + what
              + " must be http or https, not '"
              + url.substring(0, url.indexOf("://"))
              + "'");
      return null;
    }
    if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      reader.error(node, "url of " + what + " holds a space or control character");
      return null;
    }
    return template;
  }
}
