package dev.bosun.runtime.substrate.local;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.Packages;
import dev.bosun.charm.machine.Services;
import dev.bosun.runtime.substrate.SubstrateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A machine of the {@link LocalSubstrate}: a directory tree of its own ({@code etc/}, {@code
 * var/lib/}, {@code var/log/}, {@code run/}), a loopback address of its own, real services and this
 * host's packages. Bosun's own records are under {@code run/bosun/}.
 */
final class LocalMachine implements Machine {
  static final String RECORD = "run/bosun/machine.properties";

  private final String id;
  private final String address;
  private final String containerType;
  private final String parentId;
  private final Path root;
  private final LocalSubstrate.Context context;
  private final LocalServices services;
  private volatile boolean released;

  LocalMachine(
      String id,
      String address,
      String containerType,
      String parentId,
      Path root,
      LocalSubstrate.Context context) {
    this.id = id;
    this.address = address;
    this.containerType = containerType;
    this.parentId = parentId;
    this.root = root;
    this.context = context;
    this.services = new LocalServices(this, context);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String address() {
    return address;
  }

  String parentId() {
    return parentId;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Path path(String relative) {
    Path candidate = Path.of(relative);
    if (candidate.isAbsolute()) {
      throw new IllegalArgumentException(
          "path " + relative + " must be relative to the root of machine " + id);
    }
    Path resolved = root.resolve(candidate).normalize();
    if (!resolved.startsWith(root)) {
      throw new IllegalArgumentException("path " + relative + " escapes the root of machine " + id);
    }
    return resolved;
  }

  @Override
  public Path writeFile(String relative, byte[] content, int mode) {
    if (mode < 0 || mode > 0777) {
      throw new IllegalArgumentException(
          "mode " + Integer.toOctalString(mode) + " of " + relative + " must be within 0777");
    }
    Path target = path(relative);
    if (target.equals(root)) {
      throw new IllegalArgumentException("cannot write a file over the root of machine " + id);
    }
    if (released) {
      throw new SubstrateException(id, "machine " + id + " has been released");
    }
    try {
      AtomicFiles.write(target, content, mode);
    } catch (IOException e) {
      throw new SubstrateException(
          id, "cannot write " + relative + " on machine " + id + " (" + target + "): " + e, e);
    }
    return target;
  }

  @Override
  public Services services() {
    return services;
  }

  LocalServices localServices() {
    return services;
  }

  @Override
  public Packages packages() {
    return (debianPackage, binary) -> context.packages().ensure(this, debianPackage, binary);
  }

  /** Creates the machine's directories and writes its record. */
  void create() throws IOException {
    for (String directory : new String[] {"etc", "var/lib", "var/log", "run/bosun/services"}) {
      Files.createDirectories(root.resolve(directory));
    }
    Properties record = new Properties();
    record.setProperty("id", id);
    record.setProperty("address", address);
    if (containerType != null) {
      record.setProperty("container-type", containerType);
      record.setProperty("parent", parentId);
    }
    StringWriter text = new StringWriter();
    record.store(text, "Bosun local machine; do not edit");
    AtomicFiles.write(root.resolve(RECORD), text.toString().getBytes(StandardCharsets.UTF_8), 0644);
  }

  /**
   * Reads the record of the machine whose root is {@code root}.
   *
   * @return the machine, or null when there is no record
   */
  static LocalMachine read(Path root, LocalSubstrate.Context context) throws IOException {
    Path file = root.resolve(RECORD);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties record = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      record.load(in);
    }
    String id = record.getProperty("id");
    String address = record.getProperty("address");
    if (id == null || address == null) {
      throw new IOException(file + " has no id or address");
    }
    return new LocalMachine(
        id,
        address,
        record.getProperty("container-type"),
        record.getProperty("parent"),
        root,
        context);
  }

  void markReleased() {
    released = true;
  }

  boolean isReleased() {
    return released;
  }

  /** Throws when the machine was released or its substrate closed. */
  void checkUsable() {
    if (released) {
      throw new SubstrateException(id, "machine " + id + " has been released");
    }
    context.checkOpen();
  }

  @Override
  public String toString() {
    return "machine " + id + " (" + address + ")";
  }
}
