package dev.paw.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Names the code that generates, for the staleness check: a release version says it all, but a
 * {@code -SNAPSHOT} changes with every build of the plugin, so for snapshots the digest of the
 * plugin's own jars is added (the build is reproducible, so an unchanged plugin keeps its digest).
 * Inside a reactor that has not packaged them yet the plugin and {@code paw-spec} are class
 * directories: their files are digested too, or a changed generator would leave stale sources
 * behind after {@code mvn compile}.
 */
final class GeneratorVersion {

  private GeneratorVersion() {}

  /**
   * @param version the plugin version
   * @param jars the jars or class directories whose code decides the output (the plugin and {@code
   *     paw-spec}); missing ones are skipped
   */
  static String of(String version, List<Path> jars) throws IOException {
    if (!version.endsWith("-SNAPSHOT")) {
      return version;
    }
    MessageDigest digest = sha256();
    for (Path jar : jars.stream().filter(Objects::nonNull).distinct().sorted().toList()) {
      if (Files.isDirectory(jar)) {
        digestTree(jar, digest);
      } else if (Files.isRegularFile(jar)) {
        digestFile(jar, digest);
      }
    }
    return version + "+" + HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Every file under {@code root}, in a fixed order, with its relative path so a rename counts as a
   * change.
   */
  private static void digestTree(Path root, MessageDigest digest) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      digest.update(
          root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      digestFile(file, digest);
    }
  }

  private static void digestFile(Path file, MessageDigest digest) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
