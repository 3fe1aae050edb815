package dev.paw.runtime.credentials;

import dev.paw.runtime.internal.Names;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads credentials from environment variables of the same name ({@code STRIPE_API_KEY}), as CI jobs and containers
 * supply them. Read-only, and the same for every pocket: the environment belongs to the process, not to a pocket.
 * Empty variables count as unset. {@link #names} is empty, because the environment does not say which variables are
 * credentials; look them up by the names the connector declares.
 */
public final class EnvironmentCredentialStore implements CredentialStore {

  private final Map<String, String> env;

  /** Reads this process's environment. */
  public EnvironmentCredentialStore() {
    this(System.getenv());
  }

  /** Reads {@code env} (tests, or a filtered environment). */
  public EnvironmentCredentialStore(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public Optional<Secret> get(CredentialScope scope, String name) {
    String value = env.get(Names.credential(name));
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
  }

  @Override
  public void put(CredentialScope scope, String name, Secret value) {
    throw readOnly(name);
  }

  @Override
  public boolean delete(CredentialScope scope, String name) {
    throw readOnly(name);
  }

  @Override
  public void deleteAll(CredentialScope scope) {
    throw readOnly("of " + scope);
  }

  @Override
  public Set<String> names(CredentialScope scope) {
    return Set.of();
  }

  private static CredentialStoreException readOnly(String name) {
    return new CredentialStoreException("environment variables are read-only to paw; cannot change credential '"
        + name + "'");
  }

  @Override
  public String toString() {
    return "EnvironmentCredentialStore";
  }
}
