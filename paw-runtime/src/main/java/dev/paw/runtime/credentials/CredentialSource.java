package dev.paw.runtime.credentials;

import java.util.Optional;

/** Looks up a credential of one connection by name: what request building and auth need, and no more. */
@FunctionalInterface
public interface CredentialSource {

  Optional<Secret> get(String name);
}
