package dev.paw.runtime.internal.audit;

import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.internal.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The owner-only file outside {@code pocket.db} that holds the trail's newest {@link
 * AuditLog.Head}. It only moves forward: two processes that append at once may finish in either
 * order, and the later row must stay the head.
 */
public final class AuditHeadFile {

  /**
   * One JVM-wide lock: a file lock is per process, and two channels of one JVM on the same file
   * would clash.
   */
  private static final Object IN_PROCESS = new Object();

  private final Path file;

  public AuditHeadFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** The recorded head, or empty when none was written yet. */
  public Optional<AuditLog.Head> read() throws IOException {
    try {
      return Optional.of(AuditLog.Head.parse(Files.readString(file, StandardCharsets.US_ASCII)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new IOException("the audit head file " + file + " is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Records {@code head} unless a later row is recorded already; replaced atomically, flushed to
   * disk.
   */
  public void advance(AuditLog.Head head) throws IOException {
    OwnerOnlyFiles.createDirectories(file.getParent());
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    OwnerOnlyFiles.createFile(lockFile);
    synchronized (IN_PROCESS) {
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Optional<AuditLog.Head> current = read();
        if (current.isEmpty() || current.get().seq() < head.seq()) {
          OwnerOnlyFiles.writeAtomically(file, (head + "\n").getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
  }
}
