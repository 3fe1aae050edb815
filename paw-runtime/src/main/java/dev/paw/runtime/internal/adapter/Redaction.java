package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.internal.credentials.Redactor;
import dev.paw.spec.ConnectorSpec;

/**
 * The connection's redactor for one operation. Building it decrypts the credential store, so it is
 * built once, when first needed, and again only after the operation's HTTP has run ({@link
 * #refreshed}), which may have stored a refreshed OAuth token that an error body now echoes.
 */
final class Redaction {

  private final ConnectorSpec spec;
  private final ScopedCredentials credentials;
  private Redactor current;

  Redaction(ConnectorSpec spec, ScopedCredentials credentials) {
    this.spec = spec;
    this.credentials = credentials;
  }

  synchronized Redactor current() {
    if (current == null) {
      current = ConnectionHttp.redactor(spec, credentials);
    }
    return current;
  }

  /** A redactor built from the credentials as they are now. */
  synchronized Redactor refreshed() {
    current = null;
    return current();
  }
}
