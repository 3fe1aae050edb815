package dev.paw.runtime.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.internal.Names;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to a pocket's audit trail: each row redacted, timestamped and chained to the one before
 * by a hash keyed under the master key (see {@link AuditChain}). After each append the newest row's
 * sequence number and hash (the {@link AuditLog.Head}) are written to a file outside {@code
 * pocket.db}, so that rows removed from the end are found too. Appends take the database's write
 * lock for the read-last-hash-then-insert step, so concurrent writers cannot fork the chain.
 */
public final class AuditWriter {

  static final int MAX_ERROR_LENGTH = 2000;
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final Pocket pocket;
  private final AuditChain chain;
  private final AuditHeadFile headFile;
  private final Clock clock;
  private final String defaultActor;

  /**
   * The pocket's trail, keyed under {@code masterKey}, timestamped by the system clock, with the OS
   * user as the default actor.
   */
  public AuditWriter(Pocket pocket, MasterKey masterKey) {
    this(pocket, masterKey, Clock.systemUTC(), System.getProperty("user.name", "unknown"));
  }

  public AuditWriter(Pocket pocket, MasterKey masterKey, Clock clock, String defaultActor) {
    this.pocket = pocket;
    this.chain = AuditChain.of(masterKey, pocket.slug());
    this.headFile = new AuditHeadFile(pocket.auditHeadFile());
    this.clock = clock;
    this.defaultActor = defaultActor;
  }

  /**
   * Appends {@code event}, with its parameters and error passed through {@code redactor} (give the
   * connection's redactor, which knows the credential values).
   */
  public AuditEntry append(AuditEvent event, Redactor redactor) throws SQLException {
    Names.connector(event.connector());
    String params = json(redactor.redactParams(event.parameters()));
    String error = event.error() == null ? null : truncate(redactor.redact(event.error()));
    String actor = event.actor() == null ? defaultActor : event.actor();
    String trustLevel = event.trust() == null ? null : event.trust().level().wireName();
    String decision = event.trust() == null ? null : event.trust().outcome().wireName();
    try (Connection connection = PocketDatabase.open(pocket)) {
      connection.setAutoCommit(
          false); // the pocket's connections begin IMMEDIATE: the write lock is ours from here
      try {
        long seq = 1;
        String previous = AuditChain.GENESIS;
        try (Statement s = connection.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT seq, hash FROM _paw_audit ORDER BY seq DESC LIMIT 1")) {
          if (rs.next()) {
            seq = rs.getLong(1) + 1;
            previous = rs.getString(2);
          }
        }
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry unhashed =
            new AuditEntry(
                seq,
                time,
                pocket.slug(),
                event.connector(),
                event.kind(),
                event.target(),
                params,
                trustLevel,
                decision,
                event.outcome(),
                error,
                event.duration().toMillis(),
                actor,
                previous,
                null);
        AuditEntry entry = withHash(unhashed, chain.link(previous, AuditChain.canonical(unhashed)));
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO _paw_audit ("
                    + AuditChain.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setLong(1, entry.seq());
          insert.setString(2, AuditChain.TIME.format(entry.time()));
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
      headFile.advance(new AuditLog.Head(entry.seq(), entry.hash()));
    } catch (IOException e) {
      throw new SQLException(
          "audit row "
              + entry.seq()
              + " was written but the audit head file could not be: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The keyed hash a row gets after {@code previous}: for tests that play someone holding the
   * master key.
   */
  String hash(String previous, String canonical) {
    return chain.link(previous, canonical);
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.seq(),
        e.time(),
        e.pocket(),
        e.connector(),
        e.kind(),
        e.target(),
        e.parametersJson(),
        e.trustLevel(),
        e.decision(),
        e.outcome(),
        e.error(),
        e.durationMillis(),
        e.actor(),
        e.previousHash(),
        hash);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot record the parameters as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
  }

  @Override
  public String toString() {
    return "AuditWriter{" + pocket.slug() + "}";
  }
}
