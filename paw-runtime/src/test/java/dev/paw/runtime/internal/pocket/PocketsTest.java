package dev.paw.runtime.internal.pocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PocketsTest {

  @TempDir Path home;

  private Pockets pockets() {
    return new Pockets(PawHome.at(home));
  }

  @Test
  void openCreatesThePocketDatabaseUnderItsSlug() throws Exception {
    Pocket pocket = pockets().open("My Business");

    assertThat(pocket.slug()).isEqualTo("my-business");
    assertThat(pocket.name()).isEqualTo("My Business");
    assertThat(home.resolve("pockets/my-business/pocket.db")).isRegularFile();
  }

  @Test
  void connectionsAreConfiguredForTheRuntime() throws Exception {
    Pocket pocket = pockets().open("p");
    try (Connection c = PocketDatabase.open(pocket);
        Statement s = c.createStatement()) {
      assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(s, "synchronous")).isEqualTo("1"); // NORMAL
      assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(s, "busy_timeout"))).isGreaterThanOrEqualTo(1000);
      // no SELECT last_insert_rowid() after each INSERT
      assertThat(
              c.unwrap(org.sqlite.SQLiteConnection.class)
                  .getConnectionConfig()
                  .isGetGeneratedKeys())
          .isFalse();
    }
  }

  @Test
  void internalTablesExistAndArePrefixed() throws Exception {
    Pocket pocket = pockets().open("p");
    List<String> tables = new ArrayList<>();
    try (Connection c = PocketDatabase.open(pocket);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                    + " 'sqlite_%' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables)
        .contains("_paw_connections", "_paw_audit")
        .allMatch(t -> t.startsWith("_paw_"));
  }

  @Test
  void namesWithTheSameSlugAreOnePocketThatKeepsItsFirstName() throws Exception {
    Pocket first = pockets().open("My Business");
    Pocket again = pockets().open("my business");

    assertThat(again.slug()).isEqualTo(first.slug());
    assertThat(again.name()).isEqualTo("My Business");
  }

  @Test
  void listReturnsEveryPocketBySlugWithItsName() throws Exception {
    pockets().open("Zoo");
    pockets().open("My Business");
    Files.createDirectories(home.resolve("pockets/not a pocket"));

    assertThat(pockets().list())
        .extracting(Pocket::slug, Pocket::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("my-business", "My Business"),
            org.assertj.core.groups.Tuple.tuple("zoo", "Zoo"));
  }

  @Test
  void findNeverCreates() throws Exception {
    assertThat(pockets().find("Nope")).isEmpty();
    assertThat(home.resolve("pockets/nope")).doesNotExist();
  }

  @Test
  void pocketsDoNotShareData() throws Exception {
    Pocket a = pockets().open("A");
    Pocket b = pockets().open("B");
    try (Connection c = PocketDatabase.open(a);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stripe_customers (id TEXT PRIMARY KEY)");
      s.execute("INSERT INTO stripe_customers VALUES ('cus_1')");
    }
    new PocketConnections(a).connected("stripe", null);

    try (Connection c = PocketDatabase.open(b);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM stripe_customers"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no such table");
    }
    assertThat(b.connections()).isEmpty();
  }

  @Test
  void noPublicApiTakesAPathOrAnotherPocketsName() {
    for (Class<?> type : List.of(Pocket.class, PocketConnections.class)) {
      for (Method method : type.getMethods()) {
        // isPawFile only answers whether a path is one of paw's own files, so that callers can
        // refuse it
        boolean guard =
            method.getName().equals("isPawFile") && method.getReturnType() == boolean.class;
        if (method.getDeclaringClass() == type
            && Modifier.isPublic(method.getModifiers())
            && !guard) {
          assertThat(method.getParameterTypes())
              .as(type.getSimpleName() + "." + method.getName())
              .doesNotContain(Path.class, java.io.File.class, Pocket.class);
        }
      }
    }
    assertThat(Pocket.class.getConstructors()).isEmpty();
  }

  @Test
  void directoriesAndDatabaseAreOwnerOnly() throws Exception {
    assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
    pockets().open("Private");

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("pockets"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("pockets/private"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("pockets/private/pocket.db"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aSymbolicLinkInPlaceOfAPocketIsRefused() throws Exception {
    pockets().open("Real");
    Files.createDirectories(home.resolve("pockets"));
    Files.createSymbolicLink(home.resolve("pockets/fake"), home.resolve("pockets/real"));

    assertThatThrownBy(() -> pockets().open("Fake")).hasMessageContaining("symbolic link");
  }

  @Test
  void pawHomeComesFromTheEnvironmentElseTheUserHome() {
    assertThat(PawHome.fromEnvironment(Map.of("PAW_HOME", "/srv/paw"), "/home/u").root())
        .isEqualTo(Path.of("/srv/paw"));
    assertThat(PawHome.fromEnvironment(Map.of(), "/home/u").root())
        .isEqualTo(Path.of("/home/u/.paw"));
    assertThat(PawHome.fromEnvironment(Map.of("PAW_HOME", " "), "/home/u").root())
        .isEqualTo(Path.of("/home/u/.paw"));
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
