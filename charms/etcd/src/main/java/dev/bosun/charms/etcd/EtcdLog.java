package dev.bosun.charms.etcd;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What etcd's own log ({@code var/log/etcd.log}, one JSON object per line) says about its last
 * start. The supervisor restarts an etcd that exits; when it exits because it cannot listen on its
 * addresses (another process holds a port, the address is not on the machine), restarting never
 * helps and the unit must say so instead of waiting for a cluster that cannot form.
 */
final class EtcdLog {
  /** How much of the log's end is read: a failed start writes a few kilobytes. */
  private static final int TAIL = 64 * 1024;

  /** The first line of etcd's own start-up that every run writes, before it opens any listener. */
  private static final String START = "\"msg\":\"configuring peer listeners\"";

  private static final Pattern ERROR = Pattern.compile("\"error\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private EtcdLog() {}

  /**
   * Returns etcd's error when its last start ended because it could not listen (etcd's {@code
   * listen tcp ADDRESS: bind: ...}), empty when the log shows no such failure after the last start,
   * or cannot be read.
   */
  static Optional<String> listenFailure(Path log) {
    String tail;
    try {
      tail = tail(log);
    } catch (IOException e) {
      return Optional.empty();
    }
    int start = tail.lastIndexOf(START);
    if (start < 0) {
      return Optional.empty();
    }
    for (String line : tail.substring(start).split("\n")) {
      if (!line.contains("\"level\":\"fatal\"") && !line.contains("\"failed to start etcd\"")) {
        continue;
      }
      Matcher error = ERROR.matcher(line);
      if (error.find() && error.group(1).startsWith("listen tcp ")) {
        return Optional.of(unescape(error.group(1)));
      }
    }
    return Optional.empty();
  }

  private static String tail(Path log) throws IOException {
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, TAIL);
      byte[] bytes = new byte[size];
      file.seek(length - size);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String unescape(String json) {
    StringBuilder text = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        char next = json.charAt(++i);
        if (next == 'u' && i + 4 < json.length() && isHex(json.substring(i + 1, i + 5))) {
          text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          text.append(next == 'n' || next == 't' || next == 'r' ? ' ' : next);
        }
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static boolean isHex(String digits) {
    return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
