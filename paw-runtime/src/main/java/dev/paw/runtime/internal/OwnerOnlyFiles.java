package dev.paw.runtime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates directories and files that only their owner can read ({@code rwx------} and {@code
 * rw-------}) where the file system knows POSIX permissions, and writes files atomically. On other
 * file systems the permissions are left to the platform (the user's home directory is already
 * private there).
 */
public final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code directory} and any missing parents; the directories it creates are owner-only.
   */
  public static Path createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return absolute;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (isPosix(parent)) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
    return absolute;
  }

  /** Creates an empty owner-only file unless one exists already. */
  public static void createFile(Path file) throws IOException {
    try {
      Files.createFile(file, fileAttributes(file.getParent()));
    } catch (FileAlreadyExistsException e) {
      // someone else created it first: fine, its permissions were set the same way
    }
  }

  /**
   * Replaces {@code file} with {@code content} in one step: written to an owner-only temporary file
   * beside it, flushed to disk, then moved over the old file, so a reader sees either the old or
   * the new content, never a mix.
   */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temp =
        Files.createTempFile(
            directory, "." + file.getFileName(), ".tmp", fileAttributes(directory));
    try {
      writeToDisk(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + file + " atomically on this file system", e);
      }
      syncDirectory(directory);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes {@code content} into the existing {@code file} and flushes it to disk before returning.
   */
  public static void writeToDisk(Path file, byte[] content) throws IOException {
    try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      var buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /**
   * Flushes a directory's entries to disk, so a file just renamed or linked into it is still there
   * after a power loss (a rotated refresh token must not come back as the one it replaced). Where a
   * directory cannot be opened (Windows), the file system orders this itself.
   */
  public static void syncDirectory(Path directory) {
    try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here: nothing more to do
    }
  }

  /**
   * True when {@code path} is readable, writable or executable by anyone but its owner (POSIX
   * only).
   */
  public static boolean isOpenToOthers(Path path) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return false;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    for (PosixFilePermission p : permissions) {
      if (!p.name().startsWith("OWNER_")) {
        return true;
      }
    }
    return false;
  }

  private static FileAttribute<?>[] fileAttributes(Path directory) {
    return isPosix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path near) {
    Path probe = near == null ? Path.of("").toAbsolutePath() : near;
    return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
