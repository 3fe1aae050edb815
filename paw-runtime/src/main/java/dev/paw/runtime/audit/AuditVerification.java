package dev.paw.runtime.audit;

/**
 * The result of {@link AuditLog#verify()}.
 *
 * @param rows the rows checked
 * @param firstBadSeq the sequence number of the first row that fails the check, or {@code -1} when all pass
 * @param problem what is wrong there, or {@code null}
 * @param headHash the last row's hash: keep it elsewhere to detect later removal of the newest rows
 */
public record AuditVerification(long rows, long firstBadSeq, String problem, String headHash) {

  public boolean intact() {
    return problem == null;
  }
}
