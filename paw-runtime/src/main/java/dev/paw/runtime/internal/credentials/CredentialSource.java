package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.credentials.Secret;
import java.util.Optional;

/**
 * Looks up a credential of one connection by name: what request building and auth need, and no
 * more.
 */
@FunctionalInterface
public interface CredentialSource {

  Optional<Secret> get(String name);
}
