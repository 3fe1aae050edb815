package dev.paw.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form the build state stores. */
final class Sha256 {

  private final MessageDigest digest;

  Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Adds {@code text} as UTF-8, then a NUL so that adjacent fields cannot run into each other. */
  Sha256 field(String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  Sha256 bytes(byte[] bytes) {
    digest.update(bytes);
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
