package dev.paw.runtime.internal.http;

/**
 * The most bytes one answer may have once decoded, what kind of answer it is and the setting that
 * raises the limit, for the message. Travels with a request as its tag, so one client can apply the
 * action limit to actions and the page limit to sync pages.
 *
 * @param what the answer, as a message names it: "an action answer", "a sync page"
 * @param setting how to raise the limit: "PAW_MAX_PAGE_BYTES or PawBuilder.limits"
 */
public record BodyLimit(long maxBytes, String what, String setting) {

  public BodyLimit {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("a body limit must be positive: " + maxBytes);
    }
  }

  /** The limit as a person reads it: "64 MiB", "1500 bytes". */
  String shown() {
    return maxBytes % (1 << 20) == 0
        ? (maxBytes >> 20) + " MiB"
        : maxBytes % 1024 == 0 ? (maxBytes >> 10) + " KiB" : maxBytes + " bytes";
  }
}
