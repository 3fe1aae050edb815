package dev.paw.runtime.internal.audit;

import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.audit.AuditLog.Head;
import dev.paw.runtime.audit.AuditLog.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One walk along a pocket's audit trail ({@link AuditLog#verify}), row by row, checking each
 * against the one before.
 */
public final class AuditChainWalk {
  private final AuditChain chain;
  private final Set<Long> wanted;
  private final Map<Long, String> hashes = new HashMap<>();
  private long rows;
  private long last;
  private String previous = AuditChain.GENESIS;
  private long keyedRows;
  private long unkeyedRows;

  /**
   * @param wanted rows whose hashes a head check will ask for
   */
  public AuditChainWalk(AuditChain chain, Set<Long> wanted) {
    this.chain = chain;
    this.wanted = wanted;
  }

  /** Checks the next row: the problem, or {@code null} when it is sound. */
  public String next(AuditEntry entry) {
    rows++;
    long expected = last + 1;
    last = entry.seq();
    if (entry.seq() != expected) {
      return "row "
          + entry.seq()
          + " follows row "
          + (expected - 1)
          + ": "
          + (entry.seq() > expected ? "rows were deleted before it" : "rows were reordered");
    }
    if (!entry.previousHash().equals(previous)) {
      return "row "
          + last
          + " is not chained to the row before it: rows were deleted, inserted or reordered";
    }
    boolean keyed = AuditChain.isKeyed(entry.hash());
    if (!keyed && keyedRows > 0) {
      return "row "
          + last
          + " has an unkeyed hash after keyed rows: the trail was rewritten without the master"
          + " key";
    }
    if (!chain.matches(previous, AuditChain.canonical(entry), entry.hash())) {
      return "row " + last + " was changed after it was written";
    }
    if (keyed) {
      keyedRows++;
    } else {
      unkeyedRows++;
    }
    previous = entry.hash();
    if (wanted.contains(last)) {
      hashes.put(last, previous);
    }
    return null;
  }

  /** The problem when the walked trail does not hold {@code head}, or {@code null}. */
  public String holds(Head head, String source) {
    if (head.seq() > last) {
      return "rows "
          + (last + 1)
          + " to "
          + head.seq()
          + " were deleted from the end of the trail ("
          + source
          + " row "
          + head.seq()
          + ")";
    }
    String hash = hashes.getOrDefault(head.seq(), "");
    if (!MessageDigest.isEqual(
        hash.getBytes(StandardCharsets.US_ASCII),
        head.hash().getBytes(StandardCharsets.US_ASCII))) {
      return "row "
          + head.seq()
          + " is not the row "
          + source
          + ": the trail was rewritten or replaced";
    }
    return null;
  }

  public Verification result(long firstBadSeq, String problem) {
    return new Verification(rows, firstBadSeq, problem, last, previous, unkeyedRows);
  }

  /** The sequence number of the last row walked; 0 before the first. */
  public long last() {
    return last;
  }

  /** How many rows walked so far carry a keyed (HMAC) hash. */
  public long keyedRows() {
    return keyedRows;
  }
}
