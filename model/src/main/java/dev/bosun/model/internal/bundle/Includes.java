package dev.bosun.model.internal.bundle;

import static dev.bosun.model.internal.GoFormat.quote;

import dev.bosun.model.internal.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Juju's include directives in option and annotation values: {@code include-file://PATH} is
 * replaced by the file's text, {@code include-base64://PATH} by the standard base64 of its bytes. A
 * relative path resolves against the directory of the file the value was written in.
 */
final class Includes {
  private static final String FILE = "include-file://";
  private static final String BASE64 = "include-base64://";

  private final Map<String, Path> directories;

  /**
   * @param directories the base directory of each source, by file label
   */
  Includes(Map<String, Path> directories) {
    this.directories = directories;
  }

  /** Whether the value is a string with an include directive. */
  static boolean isInclude(YamlScalar value) {
    String text = value.stringValue();
    return text != null && (text.startsWith(FILE) || text.startsWith(BASE64));
  }

  /**
   * Returns the included content.
   *
   * @throws IllegalArgumentException with Juju's reason ({@code resolving include "x": include file
   *     "/abs/x" not found}) when the file cannot be read
   */
  String resolve(YamlScalar value) {
    String text = value.stringValue();
    boolean base64 = text.startsWith(BASE64);
    String path = text.substring(base64 ? BASE64.length() : FILE.length());
    Path directory = directories.getOrDefault(value.location().file(), Path.of(""));
    Path file = directory.resolve(path).toAbsolutePath().normalize();
    String reason;
    if (Files.isDirectory(file)) {
      reason = "include path " + quote(file.toString()) + " resolves to a folder";
    } else if (!Files.exists(file)) {
      reason = "include file " + quote(file.toString()) + " not found";
    } else {
      try {
        byte[] bytes = Files.readAllBytes(file);
        return base64
            ? Base64.getEncoder().encodeToString(bytes)
            : new String(bytes, StandardCharsets.UTF_8);
      } catch (IOException e) {
        reason = "cannot read " + quote(file.toString()) + ": " + e.getMessage();
      }
    }
    throw new IllegalArgumentException("resolving include " + quote(path) + ": " + reason);
  }
}
