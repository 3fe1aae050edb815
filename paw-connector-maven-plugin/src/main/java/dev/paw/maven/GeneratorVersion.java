package dev.paw.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Names the code that generates, for the staleness check: a release version says it all, but a {@code -SNAPSHOT}
 * changes with every build of the plugin, so for snapshots the digest of the plugin's own jars is added (the build
 * is reproducible, so an unchanged plugin keeps its digest).
 */
final class GeneratorVersion {

  private GeneratorVersion() {}

  /**
   * @param version the plugin version
   * @param jars the jars whose code decides the output (the plugin and {@code paw-spec}); directories and missing
   *     files are skipped
   */
  static String of(String version, List<Path> jars) throws IOException {
    if (!version.endsWith("-SNAPSHOT")) {
      return version;
    }
    MessageDigest digest = sha256();
    for (Path jar : jars.stream().filter(Objects::nonNull).distinct().sorted().toList()) {
      if (!Files.isRegularFile(jar)) {
        continue;
      }
      try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    return version + "+" + HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
