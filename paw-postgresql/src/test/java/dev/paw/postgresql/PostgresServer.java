package dev.paw.postgresql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from Debian's {@code postgresql} package (binaries under
 * {@code /usr/lib/postgresql/VERSION/bin}): a throwaway data directory under the temporary folder,
 * {@code initdb} with a random password (scram-sha-256), the server on 127.0.0.1 at a free port of
 * its own, run as the {@code postgres} user when the tests run as root (the server refuses root),
 * and stopped when the test JVM ends. Started once per JVM, on first use.
 *
 * <p>Without the binaries the tests fail, saying what to install, when {@code
 * PAW_REQUIRE_POSTGRESQL} is set (CI sets it and installs the package); elsewhere they skip, saying
 * so, as the README explains. paw-cli's tests use it too, through this module's test jar.
 */
public final class PostgresServer {

  public static final String ADMIN = "paw_admin";
  public static final String DATABASE = "paw_test";

  private static PostgresServer running;

  final Path directory;
  public final int port;
  public final String password;
  private final Path bin;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path directory, int port, String password, boolean root) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
    this.password = password;
    this.asPostgresUser = root;
  }

  /** The server, started on first call; stopped when the JVM exits. */
  public static synchronized PostgresServer get() {
    if (running == null) {
      running = start();
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "postgres-stop"));
    }
    return running;
  }

  /** A connection to the test database as the administrator, for fixtures and checks. */
  public Connection admin() throws SQLException {
    return connect(DATABASE);
  }

  /** The server's log, to check what it wrote. */
  public Path log() {
    return directory.resolve("server.log");
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", ADMIN);
    properties.setProperty("password", password);
    properties.setProperty("sslmode", "disable");
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  private static PostgresServer start() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path directory = Files.createTempDirectory("paw-postgresql-");
      String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
      Path passwordFile = directory.resolve("password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      if (root) {
        run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
      }
      int port = freePort();
      PostgresServer server = new PostgresServer(bin, directory, port, password, root);
      server.pg(
          "initdb",
          "-D",
          directory.resolve("data").toString(),
          "-U",
          ADMIN,
          "--pwfile=" + passwordFile,
          "-A",
          "scram-sha-256",
          "-E",
          "UTF8",
          "--no-locale",
          "--no-sync");
      Files.delete(passwordFile);
      server.pg(
          "pg_ctl",
          "-D",
          directory.resolve("data").toString(),
          "-l",
          server.log().toString(),
          "-w",
          "-t",
          "60",
          "-o",
          "-c listen_addresses=127.0.0.1 -p "
              + port
              + " -c unix_socket_directories="
              + directory
              + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
          "start");
      try (Connection connection = server.connect("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
      return server;
    } catch (IOException | SQLException e) {
      return fail("could not start PostgreSQL from " + bin + ": " + e.getMessage(), e);
    }
  }

  private void stop() {
    try {
      pg("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop");
    } catch (RuntimeException | Error e) {
      System.err.println("PostgreSQL did not stop: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // the temporary folder is left behind
    }
  }

  private void pg(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command, true);
  }

  private static void run(List<String> command, boolean quietOutput) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        fail(command.get(quietOutput ? command.size() - 1 : 0) + " failed: " + output);
      }
    } catch (IOException e) {
      fail("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted running " + command);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The newest {@code /usr/lib/postgresql/VERSION/bin}; fails or skips without one. */
  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
      Path bin =
          versions
              .map(v -> v.resolve("bin"))
              .filter(b -> Files.isExecutable(b.resolve("initdb")))
              .max(Comparator.comparing(b -> versionOf(b.getParent())))
              .orElse(null);
      if (bin != null) {
        return bin;
      }
    } catch (IOException e) {
      // answered below
    }
    String message =
        "PostgreSQL's server binaries were not found under /usr/lib/postgresql/*/bin: install"
            + " Debian's postgresql package (sudo apt-get install postgresql), as .ci/run does";
    if (System.getenv("PAW_REQUIRE_POSTGRESQL") != null) {
      return fail(message);
    }
    System.out.println("skipped: " + message);
    abort("skipped: " + message);
    return null;
  }

  private static int versionOf(Path directory) {
    try {
      return Integer.parseInt(directory.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
