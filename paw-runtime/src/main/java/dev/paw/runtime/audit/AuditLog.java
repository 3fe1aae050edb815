package dev.paw.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.paw.runtime.internal.Names;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail of one pocket. Every row is redacted before it is written, and chained: its hash is an HMAC,
 * under a key derived from the master key, of the previous row's hash and its own canonical form (see {@link
 * AuditChain}), so {@link #verify()} finds the first row that was edited, deleted, inserted or moved, and nobody
 * without the master key can rewrite the trail consistently. After each append the newest row's sequence number and
 * hash (the {@link AuditHead}) are written to a file outside {@code pocket.db}, so that rows removed from the end are
 * found too. Appends take the database's write lock for the read-last-hash-then-insert step, so concurrent writers
 * cannot fork the chain.
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
  private final AuditChain chain;
  private final AuditHeadFile headFile;
  private final Clock clock;
  private final String defaultActor;

  /**
   * The pocket's trail, keyed under {@code masterKey}, timestamped by the system clock, with the OS user as the
   * default actor.
   */
  public AuditLog(Pocket pocket, MasterKey masterKey) {
    this(pocket, masterKey, Clock.systemUTC(), System.getProperty("user.name", "unknown"));
  }

  public AuditLog(Pocket pocket, MasterKey masterKey, Clock clock, String defaultActor) {
    this.pocket = pocket;
    this.chain = AuditChain.of(masterKey, pocket.slug());
    this.headFile = new AuditHeadFile(pocket.auditHeadFile());
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
    try (Connection connection = PocketDatabase.open(pocket)) {
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
        AuditEntry entry = withHash(unhashed, chain.link(previous, canonical(unhashed)));
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
        recordHead(entry);
        return entry;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** After the commit: a head ahead of the committed rows would look like truncation. */
  private void recordHead(AuditEntry entry) throws SQLException {
    try {
      headFile.advance(new AuditHead(entry.seq(), entry.hash()));
    } catch (IOException e) {
      throw new SQLException("audit row " + entry.seq() + " was written but the audit head file could not be: "
          + e.getMessage(), e);
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
   * Walks the whole trail in order and reports the first row that breaks the chain: a gap in the sequence (a row
   * deleted), a {@code prev_hash} that is not the previous row's hash (deleted, inserted or reordered rows), a hash
   * that does not match the row's content (an edit, or a row forged without the master key), or an unkeyed row after
   * a keyed one (a trail rewritten with plain SHA-256). Then it compares the end of the trail with SQLite's
   * AUTOINCREMENT counter and with the head file kept outside {@code pocket.db}: rows removed from the end, or a
   * trail replaced by another, are reported even when the counter was reset too.
   */
  public AuditVerification verify() throws SQLException {
    return verify(null);
  }

  /**
   * {@link #verify()}, and also that the trail still holds {@code exported} (a head the user kept from {@code paw
   * audit --head}): this finds a rollback of {@code pocket.db} and the head file together.
   */
  public AuditVerification verify(AuditHead exported) throws SQLException {
    Optional<AuditHead> recorded;
    try {
      recorded = headFile.read();
    } catch (IOException e) {
      return new AuditVerification(0, -1, e.getMessage(), 0, GENESIS, 0);
    }
    try (Connection connection = PocketDatabase.open(pocket); Statement s = connection.createStatement()) {
      ChainWalk walk = new ChainWalk(Stream.of(recorded.orElse(null), exported).filter(Objects::nonNull)
          .map(AuditHead::seq).collect(Collectors.toSet()));
      try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM _paw_audit ORDER BY seq")) {
        while (rs.next()) {
          String problem = walk.next(read(rs));
          if (problem != null) {
            return walk.result(walk.last, problem);
          }
        }
      } catch (RuntimeException e) {
        return walk.result(walk.last + 1, "row " + (walk.last + 1) + " cannot be read: " + e.getMessage());
      }
      long last = walk.last;
      try (ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = '_paw_audit'")) {
        long highest = rs.next() ? rs.getLong(1) : 0;
        if (highest > last) {
          return walk.result(last + 1, "rows " + (last + 1) + " to " + highest + " were deleted from the end of"
              + " the trail");
        }
      }
      if (recorded.isPresent()) {
        String problem = walk.holds(recorded.get(), "the head file " + headFile.path() + " records");
        if (problem != null) {
          return walk.result(Math.min(last + 1, recorded.get().seq()), problem);
        }
      } else if (walk.keyedRows > 0) {
        return walk.result(-1, "the head file " + headFile.path() + " is missing, so rows deleted from the end of"
            + " the trail cannot be ruled out");
      }
      if (exported != null) {
        String problem = walk.holds(exported, "the exported head " + exported + " names");
        if (problem != null) {
          return walk.result(Math.min(last + 1, exported.seq()), problem);
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN"
          + " ('_paw_audit_no_update', '_paw_audit_no_delete')")) {
        if (rs.next() && rs.getInt(1) != 2) {
          return walk.result(-1, "the triggers that keep the trail append-only were removed");
        }
      }
      return walk.result(-1, null);
    }
  }

  /** One walk along the trail, row by row, checking each against the one before. */
  private final class ChainWalk {
    private final Set<Long> wanted;
    private final Map<Long, String> hashes = new HashMap<>();
    private long rows;
    private long last;
    private String previous = GENESIS;
    private long keyedRows;
    private long unkeyedRows;

    /** @param wanted rows whose hashes a head check will ask for */
    ChainWalk(Set<Long> wanted) {
      this.wanted = wanted;
    }

    /** Checks the next row: the problem, or {@code null} when it is sound. */
    String next(AuditEntry entry) {
      rows++;
      long expected = last + 1;
      last = entry.seq();
      if (entry.seq() != expected) {
        return "row " + entry.seq() + " follows row " + (expected - 1) + ": "
            + (entry.seq() > expected ? "rows were deleted before it" : "rows were reordered");
      }
      if (!entry.previousHash().equals(previous)) {
        return "row " + last + " is not chained to the row before it: rows were deleted, inserted or reordered";
      }
      boolean keyed = AuditChain.isKeyed(entry.hash());
      if (!keyed && keyedRows > 0) {
        return "row " + last + " has an unkeyed hash after keyed rows: the trail was rewritten without the master"
            + " key";
      }
      if (!chain.matches(previous, canonical(entry), entry.hash())) {
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
    String holds(AuditHead head, String source) {
      if (head.seq() > last) {
        return "rows " + (last + 1) + " to " + head.seq() + " were deleted from the end of the trail (" + source
            + " row " + head.seq() + ")";
      }
      String hash = hashes.getOrDefault(head.seq(), "");
      if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
          head.hash().getBytes(StandardCharsets.US_ASCII))) {
        return "row " + head.seq() + " is not the row " + source + ": the trail was rewritten or replaced";
      }
      return null;
    }

    AuditVerification result(long firstBadSeq, String problem) {
      return new AuditVerification(rows, firstBadSeq, problem, last, previous, unkeyedRows);
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

  /** The keyed hash a row gets after {@code previous}: for tests that play someone holding the master key. */
  String hash(String previous, String canonical) {
    return chain.link(previous, canonical);
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
