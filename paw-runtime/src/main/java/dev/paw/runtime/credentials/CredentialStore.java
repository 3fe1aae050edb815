package dev.paw.runtime.credentials;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Stores credentials per {@link CredentialScope}. Implementations never write a value in clear text
 * and never put one in an exception message. Methods throw {@link CredentialStoreException} when
 * the store cannot be read or written.
 */
public interface CredentialStore {

  Optional<Secret> get(CredentialScope scope, String name);

  /** Stores {@code value} under {@code name}, replacing any earlier value. */
  void put(CredentialScope scope, String name, Secret value);

  /** Removes one credential; true when it existed. */
  boolean delete(CredentialScope scope, String name);

  /** Removes every credential of the scope (what disconnecting a connector does). */
  void deleteAll(CredentialScope scope);

  /** The names of the credentials stored for the scope (never their values). */
  Set<String> names(CredentialScope scope);

  /** Work done while holding a scope's credentials exclusively. */
  @FunctionalInterface
  interface Exclusive<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} while no other thread, and for stores kept in files no other process,
   * reads-then-changes this scope's credentials the same way: what an OAuth 2 refresh needs, so
   * that two refreshing at once neither send one rotated refresh token twice nor store the older of
   * two new ones last. Reentrant; the default locks this store.
   */
  default <T> T exclusively(CredentialScope scope, Exclusive<T> work) throws IOException {
    synchronized (this) {
      return work.run();
    }
  }

  /** This store seen through one scope: what a connection is handed. */
  default ScopedCredentials scoped(CredentialScope scope) {
    return new ScopedCredentials(this, scope);
  }
}
