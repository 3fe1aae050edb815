package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.ConnectorProtocol.HealthStatus;
import dev.paw.spec.ConnectorSpec;

/**
 * Checks a connection's credentials while connecting, with the one cheap authenticated call paw
 * knows for a connector: its health probe. A 401 or 403 refuses the connection with the service's
 * reason; any other answer connects, saying whether the credentials were checked and, if not, why.
 */
final class CredentialCheck {

  /**
   * What the check found.
   *
   * @param accepted the service answered the probe with success
   * @param text a sentence for the connection result
   * @param refused the exception that refuses the connection, or {@code null}
   */
  record Outcome(boolean accepted, String text, ActionFailedException refused) {}

  private final ConnectorSpec spec;
  private final HealthProbe probe;

  CredentialCheck(ConnectorSpec spec, HealthProbe probe) {
    this.spec = spec;
    this.probe = probe;
  }

  Outcome run(boolean wanted, Redaction redaction) {
    if (spec.auth().credentials().isEmpty()) {
      return new Outcome(false, "no credentials to check: the connector sends none", null);
    }
    if (!wanted) {
      return new Outcome(false, "credentials not checked: the check was turned off", null);
    }
    if (probe.name().isEmpty()) {
      return new Outcome(
          false,
          "credentials not checked: no action can be called without parameters to check them",
          null);
    }
    HealthStatus health = probe.check(redaction);
    if (health.healthy()) {
      return new Outcome(true, "credentials accepted: " + health.message(), null);
    }
    if (health.httpStatus() == 401 || health.httpStatus() == 403) {
      return new Outcome(
          false,
          null,
          new ActionFailedException(
              probe.name().orElse("connect"),
              health.httpStatus(),
              "the service refused the credentials of connector '"
                  + spec.name()
                  + "' (HTTP "
                  + health.httpStatus()
                  + "), so it was not connected; store the right ones and connect again. "
                  + health.message()));
    }
    return new Outcome(
        false, "credentials not checked: the check call failed: " + health.message(), null);
  }
}
