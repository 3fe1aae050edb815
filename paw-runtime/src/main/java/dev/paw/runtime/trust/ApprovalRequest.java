package dev.paw.runtime.trust;

import dev.paw.spec.TrustLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an approver is asked: may this call run? Parameters are already redacted, so an approver can
 * show them to a person or log them.
 *
 * @param pocket the pocket's slug
 * @param description the action's description from the connector file, or {@code null}
 * @param pocketName the name the pocket was created with ("My Business"), for messages
 */
public record ApprovalRequest(
    String pocket,
    String connector,
    String action,
    String description,
    TrustLevel trustLevel,
    Map<String, Object> parameters,
    String pocketName) {

  public ApprovalRequest {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    pocketName = pocketName == null ? pocket : pocketName;
  }

  /** A request whose messages name the pocket by its slug. */
  public ApprovalRequest(
      String pocket,
      String connector,
      String action,
      String description,
      TrustLevel trustLevel,
      Map<String, Object> parameters) {
    this(pocket, connector, action, description, trustLevel, parameters, pocket);
  }

  /** "action 'create_refund' of stripe in pocket 'My Business'", for messages. */
  public String subject() {
    return "action '" + action + "' of " + connector + " in pocket '" + pocketName + "'";
  }
}
