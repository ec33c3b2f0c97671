package dev.bosun.charms.easyrsa.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Atomic file writes with the right permissions from the first byte.
 *
 * <p>A file is written to a temporary file in the same directory — created with its final mode
 * (0600 for secrets) so no other user can ever read a partial or complete secret — forced to disk,
 * then moved into place with one atomic rename. On file systems without POSIX permissions the mode
 * is left to the file system.
 */
public final class SecureFiles {
  static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private SecureFiles() {}

  /**
   * Writes a secret (a private key) with mode 0600, atomically, replacing an existing file.
   *
   * @throws CaStoreException when it cannot be written (the message never holds the content)
   */
  public static void writePrivate(Path file, byte[] content) {
    write(file, content, OWNER_READ_WRITE, true);
  }

  /**
   * Writes public content (a certificate) with mode 0644, atomically, replacing an existing file.
   *
   * @throws CaStoreException when it cannot be written
   */
  public static void writePublic(Path file, byte[] content) {
    write(file, content, PUBLIC_READ, true);
  }

  /**
   * Creates a directory and its missing parents; the directory itself gets mode 0700.
   *
   * @throws CaStoreException when it cannot be created
   */
  public static void createPrivateDirectory(Path directory) {
    try {
      Files.createDirectories(directory);
      if (isPosix(directory)) {
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
      }
    } catch (IOException e) {
      throw new CaStoreException(
          directory, "cannot create directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a file that must not exist yet: the final step is a hard link, which fails when the
   * target exists, so two writers can never both succeed.
   *
   * @throws FileAlreadyExistsException when the file exists
   */
  static void writeNew(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws FileAlreadyExistsException {
    try {
      write(file, content, mode, false);
    } catch (CaStoreException e) {
      if (e.getCause() instanceof FileAlreadyExistsException exists) {
        throw exists;
      }
      throw e;
    }
  }

  private static void write(
      Path file, byte[] content, Set<PosixFilePermission> mode, boolean replace) {
    Path directory = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = createTemp(directory, file.getFileName().toString(), mode);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (replace) {
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        linkNew(temp, file);
      }
      temp = null;
      syncDirectory(directory);
    } catch (IOException e) {
      throw new CaStoreException(file, "cannot write " + file + ": " + describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file has the final mode anyway
        }
      }
    }
  }

  private static void linkNew(Path temp, Path file) throws IOException {
    try {
      Files.createLink(file, temp);
      Files.delete(temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof FileSystemException fse && Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString(), null, fse.getReason());
      }
      Files.move(temp, file);
    }
  }

  private static Path createTemp(Path directory, String name, Set<PosixFilePermission> mode)
      throws IOException {
    String prefix = "." + name + ".";
    if (isPosix(directory)) {
      FileAttribute<Set<PosixFilePermission>> attribute =
          PosixFilePermissions.asFileAttribute(mode);
      Path temp = Files.createTempFile(directory, prefix, ".tmp", attribute);
      // The umask may only remove bits; set the public mode explicitly (secrets stay 0600).
      Files.setPosixFilePermissions(temp, mode);
      return temp;
    }
    return Files.createTempFile(directory, prefix, ".tmp");
  }

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException ignored) {
      // Not every platform can sync a directory; the rename itself is atomic.
    }
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
