package dev.paw.runtime.internal.http;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Counts the bytes read from an answer's decoded body and fails the read that passes the answer's
 * {@link BodyLimit}, so a huge body or a gzip bomb stops at the limit, not when memory runs out.
 * Also fails when fewer than {@code minBytes} arrived in a {@code window}: a server dripping a byte
 * at a time never trips the read timeout.
 */
final class LimitedSource extends ForwardingSource {

  private final BodyLimit limit;
  private final long declaredLength;
  private final long minBytes;
  private final long windowNanos;
  private final String rateSetting;
  private final LongSupplier nanoTime;
  private long total;
  private long windowStart;
  private long windowBytes;

  /**
   * @param declaredLength the body's length as the server declared it, or -1
   * @param rateSetting how to lower the minimum rate, for the message
   */
  LimitedSource(
      Source delegate,
      BodyLimit limit,
      long declaredLength,
      long minBytes,
      Duration window,
      String rateSetting,
      LongSupplier nanoTime) {
    super(delegate);
    this.limit = limit;
    this.declaredLength = declaredLength;
    this.minBytes = minBytes;
    this.windowNanos = window.toNanos();
    this.rateSetting = rateSetting;
    this.nanoTime = nanoTime;
    this.windowStart = nanoTime.getAsLong();
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (declaredLength > limit.maxBytes()) {
      throw tooLarge("declares " + declaredLength + " bytes");
    }
    long read = super.read(sink, byteCount);
    if (read > 0) {
      total += read;
      windowBytes += read;
      if (total > limit.maxBytes()) {
        throw tooLarge("goes on past it");
      }
    }
    long now = nanoTime.getAsLong();
    if (read != -1 && now - windowStart >= windowNanos) {
      if (windowBytes < minBytes) {
        throw new ResponseLimitException(
            limit.what()
                + " arrived too slowly: "
                + windowBytes
                + " bytes in "
                + Duration.ofNanos(now - windowStart).toSeconds()
                + " s, under the minimum of "
                + minBytes
                + " bytes per "
                + Duration.ofNanos(windowNanos).toSeconds()
                + " s (lower it with "
                + rateSetting
                + ")");
      }
      windowStart = now;
      windowBytes = 0;
    }
    return read;
  }

  private ResponseLimitException tooLarge(String how) {
    return new ResponseLimitException(
        limit.what()
            + " is larger than the "
            + limit.shown()
            + " limit (it "
            + how
            + "); raise it with "
            + limit.setting());
  }
}
