package dev.paw.spec;

/**
 * Incremental sync: later runs ask only for what is new. Two kinds:
 * <ul>
 *   <li>a record cursor: the highest {@code cursor} value stored so far goes back in {@code param} (inclusively:
 *       records that share it are fetched again and merged, never lost);</li>
 *   <li>a sync token: the last page of a complete run holds a {@code token} (Google's {@code nextSyncToken}) that
 *       the next run sends in {@code param}.</li>
 * </ul>
 *
 * @param cursor the dotted path of the cursor field in the API record ({@code created}), or {@code null}
 * @param param the request parameter that carries the cursor or the token
 * @param token the dotted path of the sync token in the last page, or {@code null}
 * @param format how the cursor is written in {@code param}, with {@code {value}} for it ({@code after:{value}});
 *     {@code null} for the value alone
 * @param divideBy for numeric cursors: divide before sending (milliseconds to seconds: 1000); {@code null} for 1
 * @param lookback for numeric cursors: subtract after dividing, for APIs whose filter excludes its boundary
 */
public record IncrementalSpec(Location location, String cursor, String param, String token, String format,
    Long divideBy, Long lookback) {

  /** A record-cursor incremental sent as is. */
  public static IncrementalSpec cursor(Location location, String cursor, String param) {
    return new IncrementalSpec(location, cursor, param, null, null, null, null);
  }

  public boolean usesToken() {
    return token != null;
  }
}
