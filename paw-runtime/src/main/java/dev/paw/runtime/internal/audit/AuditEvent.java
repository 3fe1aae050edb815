package dev.paw.runtime.internal.audit;

import dev.paw.runtime.audit.AuditKind;
import dev.paw.runtime.audit.AuditOutcome;
import dev.paw.runtime.internal.trust.TrustDecision;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to record, before redaction. {@link AuditLog#append} redacts the parameters and the
 * error and adds the time, the pocket and the hash chain.
 *
 * @param target the action name or the synced table; {@code null} for connect and disconnect
 * @param trust the trust gate's decision for actions, or {@code null}
 * @param error what went wrong, or {@code null}
 * @param actor who did it, or {@code null} for the log's default actor (the OS user)
 */
public record AuditEvent(
    String connector,
    AuditKind kind,
    String target,
    Map<String, ?> parameters,
    TrustDecision trust,
    AuditOutcome outcome,
    String error,
    Duration duration,
    String actor) {

  public AuditEvent {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    parameters =
        parameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    duration = duration == null ? Duration.ZERO : duration;
  }

  /** An action call: its parameters, the trust decision, and how it ended. */
  public static AuditEvent action(
      String connector,
      String action,
      Map<String, ?> parameters,
      TrustDecision trust,
      AuditOutcome outcome,
      String error,
      Duration duration) {
    return new AuditEvent(
        connector, AuditKind.ACTION, action, parameters, trust, outcome, error, duration, null);
  }

  /** A sync run of one table. */
  public static AuditEvent sync(
      String connector, String table, AuditOutcome outcome, String error, Duration duration) {
    return new AuditEvent(
        connector, AuditKind.SYNC, table, Map.of(), null, outcome, error, duration, null);
  }

  /**
   * A sync run of one table, with how it was asked to run ({@code full}, {@code reset}) when not as
   * usual.
   */
  public static AuditEvent sync(
      String connector,
      String table,
      Map<String, ?> options,
      AuditOutcome outcome,
      String error,
      Duration duration) {
    return new AuditEvent(
        connector, AuditKind.SYNC, table, options, null, outcome, error, duration, null);
  }

  /** A connect or disconnect. */
  public static AuditEvent connection(
      String connector, AuditKind kind, AuditOutcome outcome, String error) {
    if (kind != AuditKind.CONNECT && kind != AuditKind.DISCONNECT) {
      throw new IllegalArgumentException(
          "connection events are connect or disconnect, not " + kind);
    }
    return new AuditEvent(
        connector, kind, null, Map.of(), null, outcome, error, Duration.ZERO, null);
  }

  /** The same event with {@code values} as its parameters. */
  public AuditEvent withParameters(Map<String, ?> values) {
    return new AuditEvent(connector, kind, target, values, trust, outcome, error, duration, actor);
  }

  /** The same event done by {@code who}. */
  public AuditEvent by(String who) {
    return new AuditEvent(
        connector, kind, target, parameters, trust, outcome, error, duration, who);
  }
}
