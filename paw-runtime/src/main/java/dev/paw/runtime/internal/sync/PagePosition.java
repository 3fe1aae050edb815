package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where the next page starts: a value for the paging parameter ({@code starting_after=cus_9},
 * {@code page=3}), a whole URL (a {@code Link} header or a next URL in the body), or the first
 * page. Saved with each page's commit, so a run resumes exactly where it stopped.
 */
public record PagePosition(String param, String value, String url) {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final PagePosition FIRST = new PagePosition(null, null, null);

  static PagePosition param(String param, String value) {
    return new PagePosition(param, value, null);
  }

  static PagePosition url(String url) {
    return new PagePosition(null, null, url);
  }

  boolean isFirst() {
    return param == null && url == null;
  }

  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    if (param != null) {
      node.put("param", param).put("value", value);
    }
    if (url != null) {
      node.put("url", url);
    }
    return node.toString();
  }

  static PagePosition fromJson(String json) {
    if (json == null) {
      return FIRST;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return new PagePosition(text(node, "param"), text(node, "value"), text(node, "url"));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable page position " + json, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
