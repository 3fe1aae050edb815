package dev.paw.runtime.credentials;

import dev.paw.runtime.internal.Names;
import dev.paw.runtime.pocket.Pocket;

/**
 * Where credentials belong: one connector in one pocket. A scope is made from a {@link Pocket}
 * object, never from a pocket's name, so code that holds one pocket cannot name another's
 * credentials.
 */
public final class CredentialScope {

  private final String pocket;
  private final String connector;

  /** The pocket's display name, for messages; not part of the scope's identity. */
  private final String pocketName;

  private CredentialScope(String pocket, String connector, String pocketName) {
    this.pocket = Names.slug(pocket);
    this.connector = Names.connector(connector);
    this.pocketName = pocketName;
  }

  public static CredentialScope of(Pocket pocket, String connector) {
    return new CredentialScope(pocket.slug(), connector, pocket.name());
  }

  /** The pocket's slug. */
  public String pocket() {
    return pocket;
  }

  public String connector() {
    return connector;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CredentialScope other
        && pocket.equals(other.pocket)
        && connector.equals(other.connector);
  }

  @Override
  public int hashCode() {
    return 31 * pocket.hashCode() + connector.hashCode();
  }

  @Override
  public String toString() {
    return "connector '" + connector + "' in pocket '" + pocketName + "'";
  }
}
