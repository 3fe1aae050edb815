package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.internal.pocket.Pockets;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;

/** Real pockets in a temporary home, to make scopes from. */
final class CredentialStoreFixtures {

  private CredentialStoreFixtures() {}

  static Pocket pocket(Path home, String name) {
    try {
      return new Pockets(PawHome.at(home)).open(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static MasterKey key(byte fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, fill);
    return MasterKey.of(bytes);
  }
}
