package dev.paw.spec;

/**
 * How to fetch the next page of a list action.
 *
 * @param param the request parameter that carries the cursor, token, page number or offset
 * @param from for {@code cursor}: the record field whose value of the last record is the next cursor
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
    return new PaginationSpec(location, PaginationStyle.NONE, null, null, null, null, null, null, 0, null);
  }
}
