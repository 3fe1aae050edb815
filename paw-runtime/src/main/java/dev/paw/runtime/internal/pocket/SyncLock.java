package dev.paw.runtime.internal.pocket;

import dev.paw.runtime.internal.OwnerOnlyFiles;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * A claim on syncing one table of one pocket, across processes: an exclusive lock on {@code
 * sync-<table>.lock} in the pocket's directory, held until closed. The operating system drops it
 * when the process ends, however it ends, so a killed sync leaves no claim behind. File locks
 * belong to the whole JVM: within one process, take it under a lock of your own ({@code
 * internal.adapter.TableSync} does).
 */
public final class SyncLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private SyncLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The claim on {@code table}, or empty when someone else holds it. */
  /**
   * Claims the right to sync {@code table} of {@code pocket}, across processes, until the returned
   * lock is closed; empty when another process is syncing it.
   */
  public static Optional<SyncLock> tryAcquire(Pocket pocket, String table) throws IOException {
    return tryAcquire(PocketInternals.get().database(pocket).getParent(), table);
  }

  static Optional<SyncLock> tryAcquire(Path directory, String table) throws IOException {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("'" + table + "' is not a table name");
    }
    Path file =
        directory.resolve(
            "sync-" + table.toLowerCase(Locale.ROOT) + ".lock"); // SQLite ignores case too
    OwnerOnlyFiles.createFile(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return Optional.of(new SyncLock(channel, lock));
      }
    } catch (OverlappingFileLockException e) {
      // held in this JVM already: busy as well
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    channel.close();
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      lock.release();
    }
  }
}
