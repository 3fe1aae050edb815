package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.internal.audit.AuditEvent;
import dev.paw.runtime.internal.audit.AuditWriter;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.internal.trust.TrustDecision;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Writes a connection's events to its pocket's audit trail, with its credential values masked. */
final class AdapterAudit {

  private final Pocket pocket;
  private final String connector;
  private final AuditWriter audit;
  private final RuntimeSettings settings;

  AdapterAudit(Pocket pocket, String connector, AuditWriter audit, RuntimeSettings settings) {
    this.pocket = pocket;
    this.connector = connector;
    this.audit = audit;
    this.settings = settings;
  }

  void action(
      ActionSpec action,
      Map<String, ?> params,
      TrustDecision decision,
      AuditOutcome outcome,
      String error,
      Instant started,
      Redactor redactor) {
    record(
        AuditEvent.action(
            connector,
            action.name(),
            params,
            decision,
            outcome,
            error == null ? null : redactor.redact(error),
            Duration.between(started, settings.clock().instant())),
        redactor);
  }

  void record(AuditEvent event, Redactor redactor) {
    try {
      audit.append(event, redactor);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot write the audit trail of pocket '" + pocket.name() + "': " + e.getMessage(), e);
    }
  }
}
