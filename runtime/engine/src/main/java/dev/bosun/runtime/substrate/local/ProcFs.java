package dev.bosun.runtime.substrate.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Linux's {@code /proc} tells about processes beyond {@link ProcessHandle}: whether a process
 * is a zombie (an orphan whose exit nobody reaped still looks alive to {@code ProcessHandle}), its
 * session, and its start tick. Everything returns null or empty where there is no {@code /proc}.
 */
final class ProcFs {
  private static final Path PROC = Path.of("/proc");
  private static volatile String bootId;

  private ProcFs() {}

  /** The fields of {@code /proc/<pid>/stat} Bosun uses. */
  record Stat(char state, long parent, long session, long startTicks) {
    /** Whether the process has exited (zombie or dead) but was not reaped yet. */
    boolean dead() {
      return state == 'Z' || state == 'X' || state == 'x';
    }
  }

  /** Returns the stat of a process, or null when it does not exist or there is no procfs. */
  static Stat stat(long pid) {
    String text;
    try {
      text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    int close = text.lastIndexOf(')');
    if (close < 0) {
      return null;
    }
    String[] fields = text.substring(close + 2).trim().split(" ");
    // fields[0] is field 3 (state); field 4 parent, field 6 session, field 22 start time.
    if (fields.length < 20) {
      return null;
    }
    try {
      return new Stat(
          fields[0].charAt(0),
          Long.parseLong(fields[1]),
          Long.parseLong(fields[3]),
          Long.parseLong(fields[19]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Returns the kernel's boot id, or null when there is none. */
  static String bootId() {
    String id = bootId;
    if (id == null) {
      try {
        id =
            Files.readString(PROC.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
                .trim();
      } catch (IOException | RuntimeException e) {
        return null;
      }
      bootId = id;
    }
    return id;
  }

  /**
   * Returns the pids of the living processes in a session (a service started with {@code setsid}
   * leads its own session, so this finds its children even after they were re-parented).
   */
  static List<Long> sessionMembers(long session) {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(name);
        } catch (NumberFormatException e) {
          continue;
        }
        Stat stat = stat(pid);
        if (stat != null && stat.session() == session && !stat.dead()) {
          members.add(pid);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No procfs: the caller falls back to the process tree.
    }
    return members;
  }
}
