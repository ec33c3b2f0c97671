package dev.bosun.runtime.substrate.local;

import dev.bosun.runtime.substrate.SubstrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The address range a substrate's root was opened with, recorded in {@code <root>/address-range},
 * so a root created with a range of its own is opened with it again without being told.
 */
final class RecordedAddressRange {
  /** The range of a root that recorded none and was given none. */
  static final String DEFAULT = "127.77.0.0/16";

  static final String FILE = "address-range";

  private RecordedAddressRange() {}

  /**
   * Returns the range to open the root with: the one given, else the recorded one, else {@link
   * #DEFAULT}.
   *
   * @throws SubstrateException when the recorded range cannot be read
   */
  static String resolve(Path root, String given) {
    if (given != null) {
      return given;
    }
    Path file = root.resolve(FILE);
    if (!Files.exists(file)) {
      return DEFAULT;
    }
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new SubstrateException(
          "", "cannot read the address range recorded in " + file + ": " + e, e);
    }
  }

  /**
   * Records the range the root is open with, when it differs from the recorded one.
   *
   * @throws SubstrateException when the file cannot be written
   */
  static void record(Path root, String cidr) {
    Path file = root.resolve(FILE);
    try {
      if (Files.exists(file)
          && Files.readString(file, StandardCharsets.US_ASCII).strip().equals(cidr)) {
        return;
      }
      AtomicFiles.write(file, (cidr + "\n").getBytes(StandardCharsets.US_ASCII), 0644);
    } catch (IOException e) {
      throw new SubstrateException("", "cannot record the address range in " + file + ": " + e, e);
    }
  }
}
