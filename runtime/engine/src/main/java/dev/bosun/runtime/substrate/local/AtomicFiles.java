package dev.bosun.runtime.substrate.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Files written so that a reader sees the old or the new content, never a mix. */
final class AtomicFiles {
  static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target}: into a temporary file in the same directory created
   * readable by its owner only, forced to disk, given its final {@code mode}, then renamed over the
   * target. Parent directories are created.
   */
  static void write(Path target, byte[] content, int mode) throws IOException {
    Path directory = target.getParent();
    Files.createDirectories(directory);
    Path temporary =
        POSIX
            ? Files.createTempFile(
                directory,
                ".bosun-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(permissions(0600)))
            : Files.createTempFile(directory, ".bosun-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (POSIX) {
        // Explicitly, so that the umask does not change the mode asked for.
        Files.setPosixFilePermissions(temporary, permissions(mode));
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Returns the permissions of a POSIX mode such as {@code 0640}. */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(BITS[bit]);
      }
    }
    return set;
  }

  /** Deletes a directory tree without following symbolic links; a missing tree is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (NoSuchFileException e) {
        // Removed concurrently: fine.
      }
    }
  }
}
