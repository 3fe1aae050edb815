package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.CredentialStoreException;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads credentials from environment variables, as CI jobs and containers supply them, but only the
 * variables tied to the connector, so a connector file cannot read paw's own secrets or any other
 * variable of the process:
 *
 * <ul>
 *   <li>{@code PAW_<CONNECTOR>_<NAME>} ({@code PAW_SHOP_TOKEN} for credential {@code TOKEN} of
 *       {@code shop}): the scoped form, read for every credential;
 *   <li>{@code <NAME>} itself only when it starts with {@code <CONNECTOR>_} ({@code STRIPE_API_KEY}
 *       for {@code stripe}), so the names users already set keep working.
 * </ul>
 *
 * <p>Paw's own variables ({@link #RESERVED}: the master key, the administrator secret, the home
 * directory) are never read, whatever the connector and credential are called. Read-only, and the
 * same for every pocket. Empty variables count as unset. {@link #names} is empty: look credentials
 * up by the names the connector declares.
 */
public final class EnvironmentCredentialStore implements CredentialStore {

  /** Paw's own environment variables: no connector reads them. */
  public static final Set<String> RESERVED = Set.of(MasterKey.ENV, "PAW_ADMIN_SECRET", "PAW_HOME");

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
    for (String variable : variables(scope.connector(), Names.credential(name))) {
      String value = env.get(variable);
      if (value != null && !value.isEmpty()) {
        return Optional.of(Secret.of(value));
      }
    }
    return Optional.empty();
  }

  /**
   * The variables read for a credential of a connector, in the order they are read: scoped form
   * first.
   */
  static List<String> variables(String connector, String credential) {
    String prefix = connector.toUpperCase(Locale.ROOT) + "_";
    List<String> variables = new ArrayList<>(2);
    variables.add("PAW_" + prefix + credential);
    if (credential.startsWith(prefix)) {
      variables.add(credential);
    }
    variables.removeIf(
        v -> RESERVED.contains(v) || (!v.startsWith("PAW_" + prefix) && v.startsWith("PAW_")));
    return variables;
  }

  /**
   * The variable to tell a user to set for a credential: its own name when the connector may read
   * it ({@code STRIPE_API_KEY}), else the scoped form ({@code PAW_SHOP_TOKEN}).
   */
  public static String variableFor(String connector, String credential) {
    List<String> variables = variables(connector, credential);
    return variables.isEmpty() ? null : variables.get(variables.size() - 1);
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
    return new CredentialStoreException(
        "environment variables are read-only to paw; cannot change credential '" + name + "'");
  }

  @Override
  public String toString() {
    return "EnvironmentCredentialStore";
  }
}
