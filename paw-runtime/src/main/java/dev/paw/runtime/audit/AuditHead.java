package dev.paw.runtime.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newest row of an audit trail: its sequence number and hash, written {@code SEQ:HASH}. Kept outside
 * {@code pocket.db} (in the head file, or by the user from {@code paw audit --head}), it shows rows removed from the
 * end of the trail and a trail rewritten after it was taken.
 */
public record AuditHead(long seq, String hash) {

  private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,18}):((?:hmac:)?[0-9a-f]{64})");

  public AuditHead {
    if (seq < 1) {
      throw new IllegalArgumentException("an audit head's row is at least 1, not " + seq);
    }
  }

  /** Reads {@code SEQ:HASH} as {@link #toString()} writes it. */
  public static AuditHead parse(String text) {
    Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("an audit head is SEQ:HASH as 'paw audit --head' prints it"
          + " (such as 42:hmac:3f9a...), not '" + text.strip() + "'");
    }
    return new AuditHead(Long.parseLong(m.group(1)), m.group(2));
  }

  @Override
  public String toString() {
    return seq + ":" + hash;
  }
}
