package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol.HealthStatus;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a connection by calling its first {@code auto} GET action that needs no parameter the user
 * would have to give.
 */
final class HealthProbe {

  private final ConnectorSpec spec;
  private final ScopedCredentials credentials;
  private final RuntimeSettings settings;
  private final ActionRunner actions;

  HealthProbe(
      ConnectorSpec spec,
      ScopedCredentials credentials,
      RuntimeSettings settings,
      ActionRunner actions) {
    this.spec = spec;
    this.credentials = credentials;
    this.settings = settings;
    this.actions = actions;
  }

  HealthStatus check(Redaction redaction) {
    ActionSpec probe = probe().orElse(null);
    if (probe == null) {
      return new HealthStatus(
          false, 0, Duration.ZERO, "no action can be called without parameters to check");
    }
    Instant started = settings.clock().instant();
    try {
      ActionResult result = actions.run(probe.name(), Map.of(), redaction);
      return new HealthStatus(
          true,
          result.status(),
          result.duration(),
          "'" + probe.name() + "' answered " + result.status());
    } catch (ActionFailedException e) {
      return new HealthStatus(
          false, e.status(), Duration.between(started, settings.clock().instant()), e.getMessage());
    }
  }

  /** The action the probe calls, if the connector has one. */
  Optional<String> name() {
    return probe().map(ActionSpec::name);
  }

  private Optional<ActionSpec> probe() {
    return spec.actions().stream()
        .filter(
            a ->
                a.method() == HttpMethod.GET
                    && a.url() != null
                    && a.trustLevel() == TrustLevel.AUTO)
        .filter(
            a ->
                a.allParams().stream()
                    .allMatch(
                        p ->
                            !p.required()
                                || p.defaultValue() != null
                                || declaresCredential(p.name())
                                    && credentials.get(p.name()).isPresent()))
        .findFirst();
  }

  private boolean declaresCredential(String name) {
    return spec.auth().credential(name).isPresent();
  }
}
