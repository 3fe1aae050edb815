package dev.paw.spec;

/**
 * How to fetch the next page of a list action.
 *
 * @param param the request parameter that carries the cursor, token, page number or offset
 * @param from for {@code cursor}: the record field whose value of the last record is the next
 *     cursor
 * @param hasMore for {@code cursor}: the body field that says whether more pages follow
 * @param path for {@code token} and {@code next_url}: the body field holding the token or URL
 * @param sizeParam the request parameter that sets the page size, or {@code null}
 * @param size the page size to ask for, or {@code null} to leave it to the server
 * @param start for {@code page}: the first page number
 * @param maxPages the most pages one run fetches, or {@code null} for no cap
 */
public record PaginationSpec(
    Location location,
    PaginationStyle style,
    String param,
    String from,
    String hasMore,
    String path,
    String sizeParam,
    Integer size,
    long start,
    Integer maxPages) {

  /** No paging. */
  public static PaginationSpec none(Location location) {
    return new PaginationSpec(
        location, PaginationStyle.NONE, null, null, null, null, null, null, 0, null);
  }

  /** A builder for paging of this style, with every other setting unset (start 0). */
  public static Builder builder(Location location, PaginationStyle style) {
    return new Builder(location, style);
  }

  /**
   * Builds a {@link PaginationSpec}; every value not set keeps the default {@link #builder}
   * describes.
   */
  public static final class Builder {
    private final Location location;
    private final PaginationStyle style;
    private String param;
    private String from;
    private String hasMore;
    private String path;
    private String sizeParam;
    private Integer size;
    private long start;
    private Integer maxPages;

    private Builder(Location location, PaginationStyle style) {
      this.location = location;
      this.style = style;
    }

    public Builder param(String value) {
      param = value;
      return this;
    }

    public Builder from(String value) {
      from = value;
      return this;
    }

    public Builder hasMore(String value) {
      hasMore = value;
      return this;
    }

    public Builder path(String value) {
      path = value;
      return this;
    }

    public Builder sizeParam(String value) {
      sizeParam = value;
      return this;
    }

    public Builder size(Integer value) {
      size = value;
      return this;
    }

    public Builder start(long value) {
      start = value;
      return this;
    }

    public Builder maxPages(Integer value) {
      maxPages = value;
      return this;
    }

    public PaginationSpec build() {
      return new PaginationSpec(
          location, style, param, from, hasMore, path, sizeParam, size, start, maxPages);
    }
  }
}
