package dev.paw.runtime.internal.http;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * Joins a filled URL's origin, encoded path segments and query, then checks that the result has the
 * origin's scheme, host and port and exactly the segments built: the last line of defence of {@link
 * UrlExpander}.
 */
final class UrlAssembly {

  private UrlAssembly() {}

  static HttpUrl assemble(String origin, List<UrlSegment> segments, String query, String context) {
    String base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    HttpUrl originUrl = HttpUrl.parse(base + "/");
    if (originUrl == null || originUrl.host().isEmpty()) {
      throw new IllegalArgumentException(
          "the url of "
              + context
              + " does not start with an http(s) origin once its"
              + " credentials are filled in");
    }
    StringBuilder url = new StringBuilder(base);
    for (UrlSegment segment : segments) {
      url.append('/').append(segment.encoded());
    }
    if (segments.isEmpty()) {
      url.append('/');
    }
    if (!query.isEmpty()) {
      url.append('?').append(query);
    }
    HttpUrl result = HttpUrl.parse(url.toString());
    int baseSegments =
        originUrl.pathSize()
            - (originUrl.pathSegments().get(originUrl.pathSize() - 1).isEmpty() ? 1 : 0);
    int expected = baseSegments + Math.max(segments.size(), 1);
    if (result == null
        || !result.host().equals(originUrl.host())
        || result.port() != originUrl.port()
        || !result.scheme().equals(originUrl.scheme())
        || result.pathSize() != expected) {
      // cannot happen with the encoding above; refuse rather than send a request somewhere
      // unintended
      throw new IllegalStateException(
          "filling the url of " + context + " changed its host or path structure");
    }
    return result;
  }
}
