package dev.paw.spec;

import java.util.Locale;
import java.util.Optional;

/** How an action's body is encoded on the wire. */
public enum ContentType {
  JSON("json", "application/json"),
  FORM("form", "application/x-www-form-urlencoded");

  private final String wireName;
  private final String mediaType;

  ContentType(String wireName, String mediaType) {
    this.wireName = wireName;
    this.mediaType = mediaType;
  }

  public String wireName() {
    return wireName;
  }

  public String mediaType() {
    return mediaType;
  }

  /** Accepts the short name ({@code form}, {@code json}) or the full media type. */
  public static Optional<ContentType> parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (ContentType type : values()) {
      if (type.wireName.equals(lower) || type.mediaType.equals(lower)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
