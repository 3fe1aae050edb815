package dev.paw.runtime.audit;

import dev.paw.runtime.internal.audit.AuditChain;
import dev.paw.runtime.internal.audit.AuditChainWalk;
import dev.paw.runtime.internal.audit.AuditHeadFile;
import dev.paw.runtime.internal.audit.AuditLogs;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail of one pocket, to read and verify. Every row was redacted before it was written,
 * and chained: its hash is an HMAC, under a key derived from the master key, of the previous row's
 * hash and its own canonical form, so {@link #verify()} finds the first row that was edited,
 * deleted, inserted or moved, and nobody without the master key can rewrite the trail consistently.
 * After each append the newest row's sequence number and hash (the {@link Head}) are written to a
 * file outside {@code pocket.db}, so that rows removed from the end are found too. Only the runtime
 * appends ({@code internal.audit.AuditWriter}).
 */
public final class AuditLog {

  private final Pocket pocket;
  private final AuditChain chain;
  private final AuditHeadFile headFile;

  static {
    AuditLogs.register(AuditLog::new);
  }

  /**
   * The pocket's trail, its chain keyed under {@code masterKey}; only the runtime appends to it.
   * Hosts get it from {@code Paw.audit(pocket)}; the runtime opens it through {@link AuditLogs}.
   */
  private AuditLog(Pocket pocket, MasterKey masterKey) {
    this.pocket = pocket;
    this.chain = AuditChain.of(masterKey, pocket.slug());
    this.headFile = new AuditHeadFile(pocket.auditHeadFile());
  }

  /** The entries {@code query} selects, newest first. */
  public List<AuditEntry> read(AuditQuery query) throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT " + AuditChain.COLUMNS + " FROM _paw_audit WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (query.since() != null) {
      sql.append(" AND time >= ?");
      args.add(AuditChain.TIME.format(query.since()));
    }
    if (query.connector() != null) {
      sql.append(" AND connector = ?");
      args.add(query.connector());
    }
    if (query.kind() != null) {
      sql.append(" AND kind = ?");
      args.add(query.kind().wireName());
    }
    sql.append(" ORDER BY seq DESC LIMIT ").append(query.limit());
    List<AuditEntry> entries = new ArrayList<>();
    try (Connection connection = PocketDatabase.open(pocket);
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        select.setString(i + 1, args.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          entries.add(read(rs));
        }
      }
    }
    return entries;
  }

  /**
   * Walks the whole trail in order and reports the first row that breaks the chain: a gap in the
   * sequence (a row deleted), a {@code prev_hash} that is not the previous row's hash (deleted,
   * inserted or reordered rows), a hash that does not match the row's content (an edit, or a row
   * forged without the master key), or an unkeyed row after a keyed one (a trail rewritten with
   * plain SHA-256). Then it compares the end of the trail with SQLite's AUTOINCREMENT counter and
   * with the head file kept outside {@code pocket.db}: rows removed from the end, or a trail
   * replaced by another, are reported even when the counter was reset too.
   */
  public Verification verify() throws SQLException {
    return verify(null);
  }

  /**
   * {@link #verify()}, and also that the trail still holds {@code exported} (a head the user kept
   * from {@code paw audit --head}): this finds a rollback of {@code pocket.db} and the head file
   * together.
   */
  public Verification verify(Head exported) throws SQLException {
    Optional<Head> recorded;
    try {
      recorded = headFile.read();
    } catch (IOException e) {
      return new Verification(0, -1, e.getMessage(), 0, AuditChain.GENESIS, 0);
    }
    try (Connection connection = PocketDatabase.open(pocket);
        Statement s = connection.createStatement()) {
      AuditChainWalk walk =
          new AuditChainWalk(
              chain,
              Stream.of(recorded.orElse(null), exported)
                  .filter(Objects::nonNull)
                  .map(Head::seq)
                  .collect(Collectors.toSet()));
      try (ResultSet rs =
          s.executeQuery("SELECT " + AuditChain.COLUMNS + " FROM _paw_audit ORDER BY seq")) {
        while (rs.next()) {
          String problem = walk.next(read(rs));
          if (problem != null) {
            return walk.result(walk.last(), problem);
          }
        }
      } catch (RuntimeException e) {
        return walk.result(
            walk.last() + 1, "row " + (walk.last() + 1) + " cannot be read: " + e.getMessage());
      }
      long last = walk.last();
      try (ResultSet rs =
          s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = '_paw_audit'")) {
        long highest = rs.next() ? rs.getLong(1) : 0;
        if (highest > last) {
          return walk.result(
              last + 1,
              "rows "
                  + (last + 1)
                  + " to "
                  + highest
                  + " were deleted from the end of"
                  + " the trail");
        }
      }
      if (recorded.isPresent()) {
        String problem =
            walk.holds(recorded.get(), "the head file " + headFile.path() + " records");
        if (problem != null) {
          return walk.result(Math.min(last + 1, recorded.get().seq()), problem);
        }
      } else if (walk.keyedRows() > 0) {
        return walk.result(
            -1,
            "the head file "
                + headFile.path()
                + " is missing, so rows deleted from the end of"
                + " the trail cannot be ruled out");
      }
      if (exported != null) {
        String problem = walk.holds(exported, "the exported head " + exported + " names");
        if (problem != null) {
          return walk.result(Math.min(last + 1, exported.seq()), problem);
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN"
                  + " ('_paw_audit_no_update', '_paw_audit_no_delete')")) {
        if (rs.next() && rs.getInt(1) != 2) {
          return walk.result(-1, "the triggers that keep the trail append-only were removed");
        }
      }
      return walk.result(-1, null);
    }
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        Instant.from(AuditChain.TIME.parse(rs.getString("time"))),
        rs.getString("pocket"),
        rs.getString("connector"),
        AuditKind.parse(rs.getString("kind")),
        rs.getString("target"),
        rs.getString("params"),
        rs.getString("trust_level"),
        rs.getString("decision"),
        AuditOutcome.parse(rs.getString("outcome")),
        rs.getString("error"),
        rs.getLong("duration_ms"),
        rs.getString("actor"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  @Override
  public String toString() {
    return "AuditLog{" + pocket.slug() + "}";
  }

  /**
   * The result of {@link #verify()}.
   *
   * @param rows the rows checked
   * @param firstBadSeq the sequence number of the first row that fails the check, or {@code -1}
   *     when all pass or the problem is not one row's
   * @param problem what is wrong there, or {@code null}
   * @param headSeq the last row checked
   * @param headHash the last sound row's hash
   * @param unkeyedRows how many rows were written before the chain was keyed: their hashes are
   *     plain SHA-256, which anyone can recompute, so alone they show accidental damage but not a
   *     deliberate rewrite; a keyed row after them seals them
   */
  public record Verification(
      long rows,
      long firstBadSeq,
      String problem,
      long headSeq,
      String headHash,
      long unkeyedRows) {

    public boolean intact() {
      return problem == null;
    }

    /**
     * The head to keep elsewhere and give back to {@link AuditLog#verify(Head)}, or {@code null}
     * when empty.
     */
    public Head head() {
      return headSeq < 1 ? null : new Head(headSeq, headHash);
    }
  }

  /**
   * The newest row of an audit trail: its sequence number and hash, written {@code SEQ:HASH}. Kept
   * outside {@code pocket.db} (in the head file, or by the user from {@code paw audit --head}), it
   * shows rows removed from the end of the trail and a trail rewritten after it was taken.
   */
  public record Head(long seq, String hash) {

    private static final Pattern TEXT =
        Pattern.compile("([1-9][0-9]{0,18}):((?:hmac:)?[0-9a-f]{64})");

    public Head {
      if (seq < 1) {
        throw new IllegalArgumentException("an audit head's row is at least 1, not " + seq);
      }
    }

    /** Reads {@code SEQ:HASH} as {@link #toString()} writes it. */
    public static Head parse(String text) {
      Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "an audit head is SEQ:HASH as 'paw audit --head' prints it"
                + " (such as 42:hmac:3f9a...), not '"
                + text.strip()
                + "'");
      }
      return new Head(Long.parseLong(m.group(1)), m.group(2));
    }

    @Override
    public String toString() {
      return seq + ":" + hash;
    }
  }
}
