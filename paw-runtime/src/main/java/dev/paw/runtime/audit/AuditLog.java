package dev.paw.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.paw.runtime.credentials.Redactor;
import dev.paw.runtime.internal.Names;
import dev.paw.runtime.pocket.Pocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail of one pocket. Every row is redacted before it is written, and chained: its hash is SHA-256 of
 * the previous row's hash and its own canonical form, so {@link #verify()} finds the first row that was edited,
 * deleted, inserted or moved. Appends take the database's write lock for the read-last-hash-then-insert step, so
 * concurrent writers cannot fork the chain.
 */
public final class AuditLog {

  /** The {@code prev_hash} of the first row. */
  static final String GENESIS = "0".repeat(64);
  static final int MAX_ERROR_LENGTH = 2000;
  /** Fixed width, so that text order is time order ({@code Instant.toString} drops zero fractions). */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final String COLUMNS = "seq, time, pocket, connector, kind, target, params, trust_level, decision,"
      + " outcome, error, duration_ms, actor, prev_hash, hash";

  private final Pocket pocket;
  private final Clock clock;
  private final String defaultActor;

  /** The pocket's trail, timestamped by the system clock, with the OS user as the default actor. */
  public AuditLog(Pocket pocket) {
    this(pocket, Clock.systemUTC(), System.getProperty("user.name", "unknown"));
  }

  public AuditLog(Pocket pocket, Clock clock, String defaultActor) {
    this.pocket = pocket;
    this.clock = clock;
    this.defaultActor = defaultActor;
  }

  /**
   * Appends {@code event}, with its parameters and error passed through {@code redactor} (give the connection's
   * redactor, which knows the credential values).
   */
  public AuditEntry append(AuditEvent event, Redactor redactor) throws SQLException {
    Names.connector(event.connector());
    String params = json(redactor.redactParams(event.parameters()));
    String error = event.error() == null ? null : truncate(redactor.redact(event.error()));
    String actor = event.actor() == null ? defaultActor : event.actor();
    String trustLevel = event.trust() == null ? null : event.trust().level().wireName();
    String decision = event.trust() == null ? null : event.trust().outcome().wireName();
    try (Connection connection = pocket.openConnection()) {
      connection.setAutoCommit(false); // the pocket's connections begin IMMEDIATE: the write lock is ours from here
      try {
        long seq = 1;
        String previous = GENESIS;
        try (Statement s = connection.createStatement();
            ResultSet rs = s.executeQuery("SELECT seq, hash FROM _paw_audit ORDER BY seq DESC LIMIT 1")) {
          if (rs.next()) {
            seq = rs.getLong(1) + 1;
            previous = rs.getString(2);
          }
        }
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry unhashed = new AuditEntry(seq, time, pocket.slug(), event.connector(), event.kind(),
            event.target(), params, trustLevel, decision, event.outcome(), error, event.duration().toMillis(), actor,
            previous, null);
        AuditEntry entry = withHash(unhashed, hash(previous, canonical(unhashed)));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO _paw_audit (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setLong(1, entry.seq());
          insert.setString(2, TIME.format(entry.time()));
          insert.setString(3, entry.pocket());
          insert.setString(4, entry.connector());
          insert.setString(5, entry.kind().wireName());
          insert.setString(6, entry.target());
          insert.setString(7, entry.parametersJson());
          insert.setString(8, entry.trustLevel());
          insert.setString(9, entry.decision());
          insert.setString(10, entry.outcome().wireName());
          insert.setString(11, entry.error());
          insert.setLong(12, entry.durationMillis());
          insert.setString(13, entry.actor());
          insert.setString(14, entry.previousHash());
          insert.setString(15, entry.hash());
          insert.executeUpdate();
        }
        connection.commit();
        return entry;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The entries {@code query} selects, newest first. */
  public List<AuditEntry> read(AuditQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM _paw_audit WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (query.since() != null) {
      sql.append(" AND time >= ?");
      args.add(TIME.format(query.since()));
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
    try (Connection connection = pocket.openConnection();
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
   * Walks the whole trail in order and reports the first row that breaks the chain: a gap in the sequence (a row
   * deleted), a {@code prev_hash} that is not the previous row's hash (deleted, inserted or reordered rows), or a
   * hash that does not match the row's content (an edit). Removing the newest rows is found through SQLite's
   * AUTOINCREMENT counter; to be sure against someone who also resets that, compare {@link
   * AuditVerification#headHash()} with a copy kept elsewhere.
   */
  public AuditVerification verify() throws SQLException {
    try (Connection connection = pocket.openConnection(); Statement s = connection.createStatement()) {
      long rows = 0;
      long expectedSeq = 1;
      String previous = GENESIS;
      try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM _paw_audit ORDER BY seq")) {
        while (rs.next()) {
          rows++;
          AuditEntry entry = read(rs);
          if (entry.seq() != expectedSeq) {
            return new AuditVerification(rows, entry.seq(), "row " + entry.seq() + " follows row " + (expectedSeq - 1)
                + ": " + (entry.seq() > expectedSeq ? "rows were deleted before it" : "rows were reordered"), previous);
          }
          if (!entry.previousHash().equals(previous)) {
            return new AuditVerification(rows, entry.seq(), "row " + entry.seq() + " is not chained to the row"
                + " before it: rows were deleted, inserted or reordered", previous);
          }
          if (!hash(previous, canonical(entry)).equals(entry.hash())) {
            return new AuditVerification(rows, entry.seq(), "row " + entry.seq() + " was changed after it was"
                + " written", previous);
          }
          previous = entry.hash();
          expectedSeq++;
        }
      } catch (RuntimeException e) {
        return new AuditVerification(rows, expectedSeq, "row " + expectedSeq + " cannot be read: " + e.getMessage(),
            previous);
      }
      try (ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = '_paw_audit'")) {
        long highest = rs.next() ? rs.getLong(1) : 0;
        if (highest > expectedSeq - 1) {
          return new AuditVerification(rows, expectedSeq, "rows " + expectedSeq + " to " + highest + " were deleted"
              + " from the end of the trail", previous);
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN"
          + " ('_paw_audit_no_update', '_paw_audit_no_delete')")) {
        if (rs.next() && rs.getInt(1) != 2) {
          return new AuditVerification(rows, -1, "the triggers that keep the trail append-only were removed",
              previous);
        }
      }
      return new AuditVerification(rows, -1, null, previous);
    }
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), Instant.from(TIME.parse(rs.getString("time"))), rs.getString("pocket"),
        rs.getString("connector"), AuditKind.parse(rs.getString("kind")), rs.getString("target"),
        rs.getString("params"), rs.getString("trust_level"), rs.getString("decision"),
        AuditOutcome.parse(rs.getString("outcome")), rs.getString("error"), rs.getLong("duration_ms"),
        rs.getString("actor"), rs.getString("prev_hash"), rs.getString("hash"));
  }

  /** Every stored field but the hashes, as a JSON array in column order: one byte sequence per row content. */
  static String canonical(AuditEntry e) {
    ArrayNode row = JSON.createArrayNode();
    row.add(e.seq()).add(TIME.format(e.time())).add(e.pocket()).add(e.connector()).add(e.kind().wireName())
        .add(e.target()).add(e.parametersJson()).add(e.trustLevel()).add(e.decision()).add(e.outcome().wireName())
        .add(e.error()).add(e.durationMillis()).add(e.actor());
    return row.toString();
  }

  static String hash(String previous, String canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(e.seq(), e.time(), e.pocket(), e.connector(), e.kind(), e.target(), e.parametersJson(),
        e.trustLevel(), e.decision(), e.outcome(), e.error(), e.durationMillis(), e.actor(), e.previousHash(), hash);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot record the parameters as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
  }

  @Override
  public String toString() {
    return "AuditLog{" + pocket.slug() + "}";
  }
}
