package dev.paw.runtime.credentials;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials of one connector in one pocket: a {@link CredentialStore} bound to a {@link
 * CredentialScope}.
 */
public final class ScopedCredentials {

  private final CredentialStore store;
  private final CredentialScope scope;

  ScopedCredentials(CredentialStore store, CredentialScope scope) {
    this.store = store;
    this.scope = scope;
  }

  public CredentialScope scope() {
    return scope;
  }

  public Optional<Secret> get(String name) {
    return store.get(scope, name);
  }

  /** The credential, or a {@link MissingCredentialException} naming it. */
  public Secret require(String name) {
    return get(name)
        .orElseThrow(
            () -> new MissingCredentialException(name, scope.connector(), scope.toString()));
  }

  public void put(String name, Secret value) {
    store.put(scope, name, value);
  }

  public boolean delete(String name) {
    return store.delete(scope, name);
  }

  public void deleteAll() {
    store.deleteAll(scope);
  }

  public Set<String> names() {
    return store.names(scope);
  }

  /** See {@link CredentialStore#exclusively}. */
  public <T> T exclusively(CredentialStore.Exclusive<T> work) throws IOException {
    return store.exclusively(scope, work);
  }

  @Override
  public String toString() {
    return "ScopedCredentials{" + scope + "}";
  }
}
