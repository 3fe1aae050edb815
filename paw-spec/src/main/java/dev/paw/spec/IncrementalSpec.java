package dev.paw.spec;

/**
 * Incremental sync: later runs ask only for what is new. Two kinds:
 *
 * <ul>
 *   <li>a record cursor: the highest {@code cursor} value stored so far goes back in {@code param}
 *       (inclusively: records that share it are fetched again and merged, never lost);
 *   <li>a sync token: the last page of a complete run holds a {@code token} (Google's {@code
 *       nextSyncToken}) that the next run sends in {@code param}.
 * </ul>
 *
 * @param cursor the dotted path of the cursor field in the API record ({@code created}), or {@code
 *     null}
 * @param param the request parameter that carries the cursor or the token
 * @param token the dotted path of the sync token in the last page, or {@code null}
 * @param format how the cursor is written in {@code param}, with {@code {value}} for it ({@code
 *     after:{value}}); {@code null} for the value alone
 * @param divideBy for numeric cursors: divide before sending (milliseconds to seconds: 1000);
 *     {@code null} for 1
 * @param lookback for numeric cursors: subtract after dividing, for APIs whose filter excludes its
 *     boundary
 * @param window for updated-at cursors: how far before the stored cursor a run starts, so that
 *     records modified while the last run listed (or stamped by a clock that lags) are read again;
 *     for an ISO 8601 time or a number of seconds; {@code null} for none
 */
public record IncrementalSpec(
    Location location,
    String cursor,
    String param,
    String token,
    String format,
    Long divideBy,
    Long lookback,
    java.time.Duration window) {

  /** An incremental without a lookback window. */
  public IncrementalSpec(
      Location location,
      String cursor,
      String param,
      String token,
      String format,
      Long divideBy,
      Long lookback) {
    this(location, cursor, param, token, format, divideBy, lookback, null);
  }

  /** A record-cursor incremental sent as is. */
  public static IncrementalSpec cursor(Location location, String cursor, String param) {
    return new IncrementalSpec(location, cursor, param, null, null, null, null);
  }

  public boolean usesToken() {
    return token != null;
  }

  /** A builder for an incremental sent in {@code param}, with no cursor or token yet. */
  public static Builder builder(Location location, String param) {
    return new Builder(location, param);
  }

  /**
   * Builds a {@link IncrementalSpec}; every value not set keeps the default {@link #builder}
   * describes.
   */
  public static final class Builder {
    private final Location location;
    private String cursor;
    private final String param;
    private String token;
    private String format;
    private Long divideBy;
    private Long lookback;
    private java.time.Duration window;

    private Builder(Location location, String param) {
      this.location = location;
      this.param = param;
    }

    public Builder cursor(String value) {
      cursor = value;
      return this;
    }

    public Builder token(String value) {
      token = value;
      return this;
    }

    public Builder format(String value) {
      format = value;
      return this;
    }

    public Builder divideBy(Long value) {
      divideBy = value;
      return this;
    }

    public Builder lookback(Long value) {
      lookback = value;
      return this;
    }

    public Builder window(java.time.Duration value) {
      window = value;
      return this;
    }

    public IncrementalSpec build() {
      return new IncrementalSpec(
          location, cursor, param, token, format, divideBy, lookback, window);
    }
  }
}
