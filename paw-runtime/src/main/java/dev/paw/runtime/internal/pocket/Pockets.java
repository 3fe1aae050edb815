package dev.paw.runtime.internal.pocket;

import dev.paw.runtime.internal.OwnerOnlyFiles;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Opens, creates and lists the pockets under one {@link PawHome}. */
public final class Pockets {

  private final PawHome home;
  private final Clock clock;

  public Pockets(PawHome home) {
    this(home, Clock.systemUTC());
  }

  public Pockets(PawHome home, Clock clock) {
    this.home = home;
    this.clock = clock;
  }

  /**
   * The pocket named {@code name}, created (directory, pocket.db, internal tables) if it does not
   * exist. Names with the same slug ("My Business", "my business") are the same pocket; it keeps
   * the name it was created with.
   *
   * @throws IllegalArgumentException when the name has no usable slug (see {@link PocketSlug})
   */
  public Pocket open(String name) throws IOException, SQLException {
    String slug = PocketSlug.of(name);
    Path directory = home.pocketsDirectory().resolve(slug);
    refuseLinks(directory);
    OwnerOnlyFiles.createDirectories(directory);
    Pocket pocket = PocketInternals.get().newPocket(name, slug, directory, home.root(), clock);
    OwnerOnlyFiles.createFile(PocketInternals.get().database(pocket));
    try (Connection connection = PocketDatabase.open(pocket)) {
      PocketSchema.apply(connection);
      String stored = storedName(connection, name);
      return stored.equals(name)
          ? pocket
          : PocketInternals.get().newPocket(stored, slug, directory, home.root(), clock);
    }
  }

  /** The pocket named {@code name} if it exists; never creates one. */
  public Optional<Pocket> find(String name) throws IOException, SQLException {
    String slug = PocketSlug.of(name);
    Path directory = home.pocketsDirectory().resolve(slug);
    if (!Files.isRegularFile(directory.resolve("pocket.db"), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(open(name));
  }

  /** Every pocket, ordered by slug. */
  public List<Pocket> list() throws IOException, SQLException {
    Path root = home.pocketsDirectory();
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        String slug = dir.getFileName().toString();
        if (isSlug(slug)
            && Files.isRegularFile(dir.resolve("pocket.db"), LinkOption.NOFOLLOW_LINKS)
            && !Files.isSymbolicLink(dir)) {
          names.add(slug);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<Pocket> pockets = new ArrayList<>();
    for (String slug : names) {
      pockets.add(open(slug));
    }
    pockets.sort(Comparator.comparing(Pocket::slug));
    return pockets;
  }

  private static boolean isSlug(String text) {
    try {
      return PocketSlug.of(text).equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A symbolic link in place of a pocket directory could point it at another pocket's data. */
  private static void refuseLinks(Path directory) throws IOException {
    if (Files.isSymbolicLink(directory) || Files.isSymbolicLink(directory.resolve("pocket.db"))) {
      throw new IOException(
          "refusing to open pocket '"
              + directory.getFileName()
              + "': its directory or pocket.db"
              + " is a symbolic link");
    }
  }

  /** The name stored at creation; the first opener's name wins. */
  private String storedName(Connection connection, String name) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO _paw_pocket (key, value) VALUES ('name', ?), ('created_at', ?)")) {
      insert.setString(1, name);
      insert.setString(2, clock.instant().toString());
      insert.executeUpdate();
    }
    try (PreparedStatement select =
            connection.prepareStatement("SELECT value FROM _paw_pocket WHERE key = 'name'");
        ResultSet rs = select.executeQuery()) {
      return rs.next() ? rs.getString(1) : name;
    }
  }

  @Override
  public String toString() {
    return "Pockets{" + home.pocketsDirectory() + "}";
  }
}
