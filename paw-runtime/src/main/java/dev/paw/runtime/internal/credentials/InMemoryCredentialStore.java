package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.credentials.CredentialScope;
import dev.paw.runtime.credentials.CredentialStore;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.Names;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store that keeps credentials in memory only: for tests and for callers that supply credentials
 * per run.
 */
public final class InMemoryCredentialStore implements CredentialStore {

  private final Map<CredentialScope, Map<String, Secret>> values = new ConcurrentHashMap<>();

  @Override
  public Optional<Secret> get(CredentialScope scope, String name) {
    return Optional.ofNullable(values.getOrDefault(scope, Map.of()).get(Names.credential(name)));
  }

  @Override
  public void put(CredentialScope scope, String name, Secret value) {
    values
        .computeIfAbsent(scope, s -> new ConcurrentHashMap<>())
        .put(Names.credential(name), value);
  }

  @Override
  public boolean delete(CredentialScope scope, String name) {
    Map<String, Secret> entries = values.get(scope);
    return entries != null && entries.remove(name) != null;
  }

  @Override
  public void deleteAll(CredentialScope scope) {
    values.remove(scope);
  }

  @Override
  public Set<String> names(CredentialScope scope) {
    return new TreeSet<>(values.getOrDefault(scope, Map.of()).keySet());
  }
}
