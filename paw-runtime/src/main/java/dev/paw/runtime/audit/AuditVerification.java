package dev.paw.runtime.audit;

/**
 * The result of {@link AuditLog#verify()}.
 *
 * @param rows the rows checked
 * @param firstBadSeq the sequence number of the first row that fails the check, or {@code -1} when all pass or the
 *     problem is not one row's
 * @param problem what is wrong there, or {@code null}
 * @param headSeq the last row checked
 * @param headHash the last sound row's hash
 * @param unkeyedRows how many rows were written before the chain was keyed: their hashes are plain SHA-256, which
 *     anyone can recompute, so alone they show accidental damage but not a deliberate rewrite; a keyed row after
 *     them seals them
 */
public record AuditVerification(long rows, long firstBadSeq, String problem, long headSeq, String headHash,
    long unkeyedRows) {

  public boolean intact() {
    return problem == null;
  }

  /** The head to keep elsewhere and give back to {@link AuditLog#verify(AuditHead)}, or {@code null} when empty. */
  public AuditHead head() {
    return headSeq < 1 ? null : new AuditHead(headSeq, headHash);
  }
}
