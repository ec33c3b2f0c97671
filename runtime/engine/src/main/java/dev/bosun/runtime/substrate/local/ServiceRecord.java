package dev.bosun.runtime.substrate.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.charm.machine.ServiceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a machine's {@code run/bosun/services/<name>.json} records about a service: its
 * specification and the hash it is compared by, the identity of its process, how often the
 * supervisor restarted it, and whether it is being stopped (a stop interrupted by a crash is
 * finished when the substrate is opened again).
 */
record ServiceRecord(
    int version,
    String name,
    List<String> command,
    Map<String, String> environment,
    String workingDirectory,
    String specHash,
    long pid,
    Long startInstantMillis,
    String bootId,
    long startTicks,
    int restarts,
    boolean stopping) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static ServiceRecord of(
      ServiceSpec spec, String specHash, ProcessIdentity process, int restarts, boolean stopping) {
    return new ServiceRecord(
        1,
        spec.name(),
        spec.command(),
        new TreeMap<>(spec.environment()),
        spec.workingDirectory(),
        specHash,
        process == null ? -1 : process.pid(),
        process == null || process.startInstant() == null
            ? null
            : process.startInstant().toEpochMilli(),
        process == null ? null : process.bootId(),
        process == null ? -1 : process.startTicks(),
        restarts,
        stopping);
  }

  ServiceSpec spec() {
    return new ServiceSpec(
        name,
        command,
        environment == null ? Map.of() : environment,
        workingDirectory == null ? "" : workingDirectory);
  }

  ProcessIdentity process() {
    return pid <= 0
        ? null
        : new ProcessIdentity(
            pid,
            startInstantMillis == null ? null : Instant.ofEpochMilli(startInstantMillis),
            bootId,
            startTicks);
  }

  /** Writes the record atomically, readable by its owner only (environments may hold secrets). */
  void write(Path file) throws IOException {
    AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this), 0600);
  }

  static ServiceRecord read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), ServiceRecord.class);
  }

  /**
   * Returns the hash a specification is compared by: SHA-256 over its name, command, environment
   * (sorted) and working directory, each length-prefixed so that no two specifications collide by
   * concatenation.
   */
  static String hash(ServiceSpec spec) {
    StringBuilder canonical = new StringBuilder();
    append(canonical, spec.name());
    canonical.append(spec.command().size()).append(';');
    spec.command().forEach(argument -> append(canonical, argument));
    Map<String, String> environment = new TreeMap<>(spec.environment());
    canonical.append(environment.size()).append(';');
    environment.forEach(
        (key, value) -> {
          append(canonical, key);
          append(canonical, value);
        });
    append(canonical, spec.workingDirectory());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void append(StringBuilder canonical, String value) {
    canonical.append(value.length()).append(':').append(value).append(';');
  }
}
