package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.pocket.PawHome;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two stores read as one: {@code over} wins when both hold a credential, and every write goes to
 * {@code under}. The standard arrangement puts the environment over the encrypted file, because
 * that is what users of CLIs and CI expect: {@code STRIPE_API_KEY=... paw sync} uses that key for
 * this run without touching what {@code paw connect} stored.
 */
public final class LayeredCredentialStore implements CredentialStore {

  private final CredentialStore over;
  private final CredentialStore under;

  public LayeredCredentialStore(CredentialStore over, CredentialStore under) {
    this.over = over;
    this.under = under;
  }

  /**
   * The environment over an {@link EncryptedFileCredentialStore} in {@code home}, keyed from {@code
   * env}.
   */
  public static LayeredCredentialStore standard(PawHome home, Map<String, String> env) {
    return standard(home, env, MasterKey.resolve(home, env));
  }

  /**
   * The environment over an {@link EncryptedFileCredentialStore} in {@code home} under {@code key}.
   */
  public static LayeredCredentialStore standard(
      PawHome home, Map<String, String> env, MasterKey key) {
    return new LayeredCredentialStore(
        new EnvironmentCredentialStore(env), new EncryptedFileCredentialStore(home, key));
  }

  @Override
  public Optional<Secret> get(CredentialScope scope, String name) {
    Optional<Secret> found = over.get(scope, name);
    return found.isPresent() ? found : under.get(scope, name);
  }

  @Override
  public void put(CredentialScope scope, String name, Secret value) {
    under.put(scope, name, value);
  }

  /** Held on the store that is written to. */
  @Override
  public <T> T exclusively(CredentialScope scope, Exclusive<T> work) throws IOException {
    return under.exclusively(scope, work);
  }

  @Override
  public boolean delete(CredentialScope scope, String name) {
    return under.delete(scope, name);
  }

  @Override
  public void deleteAll(CredentialScope scope) {
    under.deleteAll(scope);
  }

  @Override
  public Set<String> names(CredentialScope scope) {
    Set<String> names = new TreeSet<>(under.names(scope));
    names.addAll(over.names(scope));
    return names;
  }

  @Override
  public String toString() {
    return "LayeredCredentialStore{" + over + " over " + under + "}";
  }
}
