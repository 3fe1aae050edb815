package dev.paw.runtime.internal.pocket;

import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the runtime's machinery may do with a {@link Pocket} that a host may not: make one, and find
 * its database file and clock. {@code Pocket} installs the implementation when its class is
 * initialised (OkHttp 3's {@code Internal.instance}), so none of this is on the public type.
 */
public abstract class PocketInternals {

  private static volatile PocketInternals instance;

  /** Called once, by {@code Pocket}'s static initialiser. */
  public static void install(PocketInternals value) {
    if (instance != null) {
      throw new IllegalStateException("pocket internals are installed already");
    }
    instance = value;
  }

  public static PocketInternals get() {
    if (instance == null) {
      try { // Pocket installs the instance when it is initialised; nothing may have touched it yet
        Class.forName(Pocket.class.getName(), true, Pocket.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /**
   * @param home the paw home directory the pocket lives in, with every pocket, the credentials and
   *     the keys
   */
  public abstract Pocket newPocket(
      String name, String slug, Path directory, Path home, Clock clock);

  /** The pocket's {@code pocket.db}. */
  public abstract Path database(Pocket pocket);

  /** The clock the pocket stamps its records with. */
  public abstract Clock clock(Pocket pocket);
}
