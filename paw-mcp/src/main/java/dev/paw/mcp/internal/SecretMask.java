package dev.paw.mcp.internal;

import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks a connection's credentials in what goes back to the MCP client. The runtime already masks
 * error messages; a successful answer comes as the service sent it, and a service that echoes the
 * key in a 200 answer must not hand it to the agent.
 */
final class SecretMask {

  private SecretMask() {}

  /** The redactor of {@code spec}'s credentials in {@code pocket}: declared and stored ones. */
  static Redactor of(Paw paw, Pocket pocket, ConnectorSpec spec) {
    ScopedCredentials credentials = paw.credentials(pocket, spec.name());
    Set<String> names = new LinkedHashSet<>();
    if (spec.auth() != null) {
      spec.auth().credentials().stream().map(CredentialSpec::name).forEach(names::add);
    }
    try {
      names.addAll(credentials.names());
    } catch (RuntimeException e) {
      // a store that cannot list still answers for the declared names
    }
    List<Secret> secrets = new ArrayList<>();
    for (String name : names) {
      try {
        credentials.get(name).ifPresent(secrets::add);
      } catch (RuntimeException e) {
        // unreadable: nothing to mask with
      }
    }
    return Redactor.of(secrets);
  }
}
