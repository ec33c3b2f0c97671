package dev.bosun.charms.etcd;

import dev.bosun.charm.ActionContext;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.machine.PackageResult;
import dev.bosun.interfaces.etcd.EtcdPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The charm's actions. Each talks to this unit's member with the unit's client certificate; a
 * failure fails the action with the reason, never the unit.
 */
final class EtcdActions {
  /** Where {@code package-client-credentials} writes its tarball, relative to the machine root. */
  static final String CREDENTIALS_ARCHIVE = "var/lib/etcd-charm/etcd_credentials.tar.gz";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH.mm.ss").withZone(ZoneOffset.UTC);

  private final HookContext ctx;
  private final ActionContext action;

  EtcdActions(HookContext ctx) {
    this.ctx = ctx;
    this.action = ctx.action();
  }

  void run(String name) {
    Optional<EtcdFlags.TlsFiles> client = Credentials.clientFiles(ctx);
    if (client.isEmpty()) {
      action.fail("this unit has no client certificate yet; wait until it is active");
      return;
    }
    try {
      switch (name) {
        case "health" -> health(client.get());
        case "snapshot" -> snapshot(client.get());
        case "restore" -> restore(client.get());
        case "compact" -> compact(client.get());
        case "defrag" -> defrag(client.get());
        case "alarm-list" -> alarms(client.get(), false);
        case "alarm-disarm" -> alarms(client.get(), true);
        case "package-client-credentials" -> packageCredentials(client.get());
        default -> action.fail("action \"" + name + "\" is not implemented by the etcd charm");
      }
    } catch (EtcdException | IOException e) {
      action.fail(name + " failed: " + e.getMessage());
    }
  }

  private String clientUrl() {
    EtcdSettings settings = EtcdSettings.fromConfig(ctx.config());
    return EtcdFlags.clientUrl(ctx.machine().address(), settings);
  }

  private List<String> endpoints() {
    String recorded = ctx.state().get(EtcdCharm.STATE_ENDPOINTS).orElse("");
    List<String> endpoints = new ArrayList<>();
    for (String endpoint : recorded.split(",")) {
      if (!endpoint.isBlank()) {
        endpoints.add(endpoint);
      }
    }
    if (!endpoints.contains(clientUrl())) {
      endpoints.add(clientUrl());
    }
    return endpoints;
  }

  private void health(EtcdFlags.TlsFiles client) {
    EtcdHttp probe = EtcdHttp.of(client);
    int healthy = 0;
    List<String> endpoints = endpoints();
    for (String endpoint : endpoints) {
      boolean ok = probe.healthy(endpoint);
      healthy += ok ? 1 : 0;
      action.set("endpoints." + key(endpoint), ok ? "healthy" : "unhealthy");
    }
    try (EtcdAdmin admin = EtcdAdmin.connect(List.of(clientUrl()), client)) {
      int members = admin.members().size();
      action.set("members", Integer.toString(members));
      boolean all = healthy == endpoints.size();
      action.set("result", all ? EtcdStatus.healthy(members) : EtcdStatus.unhealthy(members));
      if (!all) {
        action.fail(EtcdStatus.unhealthy(members));
      }
    }
  }

  private static String key(String endpoint) {
    return endpoint.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  private Path snapshotDirectory() {
    String target =
        String.valueOf(action.parameters().getOrDefault("target", "var/lib/etcd-snapshots"));
    return ctx.machine().path(target.startsWith("/") ? target.substring(1) : target);
  }

  private void snapshot(EtcdFlags.TlsFiles client) throws IOException {
    Object keys = action.parameters().getOrDefault("keys-version", "v3");
    if (!"v3".equals(keys)) {
      action.fail(
          "keys-version " + keys + " is not supported: Bosun runs etcd with the v2 API off");
      return;
    }
    Path file = takeSnapshot(client, snapshotDirectory());
    action.set("snapshot.path", file.toString());
    action.set("snapshot.size", Long.toString(Files.size(file)));
    action.set("snapshot.sha256", sha256(file));
    action.set("copy.cmd", "cp " + file + " .");
  }

  private Path takeSnapshot(EtcdFlags.TlsFiles client, Path directory) throws IOException {
    Files.createDirectories(directory);
    String name = "etcd-snapshot-" + STAMP.format(java.time.Instant.now()) + ".db";
    Path file = directory.resolve(name);
    Path partial = directory.resolve("." + name + ".part");
    Files.deleteIfExists(partial);
    Files.createFile(
        partial,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (EtcdAdmin admin = EtcdAdmin.connect(List.of(clientUrl()), client);
        OutputStream out = Files.newOutputStream(partial)) {
      admin.snapshot(out);
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    ctx.log().info("saved a snapshot to {}", file);
    return file;
  }

  /**
   * Restores this single-member cluster from the newest snapshot in {@code target} (or the {@code
   * snapshot} resource): stops etcd, restores with {@code etcdctl snapshot restore} into a fresh
   * data directory (the old one is kept beside it), starts etcd and waits until it is healthy.
   */
  private void restore(EtcdFlags.TlsFiles client) throws IOException {
    int members;
    try (EtcdAdmin admin = EtcdAdmin.connect(List.of(clientUrl()), client)) {
      members = admin.members().size();
    }
    if (members != 1) {
      action.fail(
          "restore needs a single-member cluster, this one has "
              + members
              + " members: remove the other units (juju remove-unit), restore, then add units"
              + " again; they join the restored cluster");
      return;
    }
    Optional<Path> snapshot = ctx.resource("snapshot");
    if (snapshot.isEmpty()) {
      snapshot = newest(snapshotDirectory());
    }
    if (snapshot.isEmpty()) {
      action.fail(
          "no snapshot to restore: "
              + snapshotDirectory()
              + " has no etcd-snapshot-*.db file and no snapshot resource is attached");
      return;
    }
    Object skip = action.parameters().getOrDefault("skip-backup", Boolean.TRUE);
    if (!Boolean.TRUE.equals(skip)) {
      Path backup = takeSnapshot(client, ctx.machine().path("var/lib/etcd-snapshots"));
      action.set("backup.path", backup.toString());
    }
    PackageResult etcdctl = ctx.machine().packages().ensure("etcd-client", "etcdctl");
    if (!etcdctl.available()) {
      action.fail("etcdctl is missing: run \"" + etcdctl.installCommand() + "\" as root");
      return;
    }
    EtcdSettings settings = EtcdSettings.fromConfig(ctx.config());
    String name = EtcdPeer.memberNameOf(ctx.unitName());
    String peerUrl = EtcdFlags.peerUrl(ctx.machine().address(), settings);
    Path data = ctx.machine().path(EtcdCharm.DATA_DIRECTORY);
    Path restored = data.resolveSibling("etcd.restoring");
    deleteTree(restored);
    String token = "bosun-restored-" + HexFormat.of().formatHex(randomBytes());
    run(
        List.of(
            etcdctl.binary().orElseThrow().toString(),
            "snapshot",
            "restore",
            snapshot.get().toString(),
            "--name",
            name,
            "--initial-cluster",
            name + "=" + peerUrl,
            "--initial-cluster-token",
            token,
            "--initial-advertise-peer-urls",
            peerUrl,
            "--data-dir",
            restored.toString()));
    ctx.machine().services().stop(EtcdCharm.SERVICE);
    Path previous =
        data.resolveSibling("etcd.before-restore-" + STAMP.format(java.time.Instant.now()));
    if (Files.exists(data)) {
      Files.move(data, previous);
    }
    Files.move(restored, data);
    ctx.state().delete(EtcdCharm.STATE_SPEC);
    new EtcdCharm().reconcile(ctx); // starts etcd on the restored data and waits for it
    boolean healthy = EtcdHttp.of(client).healthy(clientUrl());
    action.set("restored.from", snapshot.get().toString());
    action.set("previous-data", previous.toString());
    if (!healthy) {
      action.fail("etcd does not report healthy after the restore; see var/log/etcd.log");
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static Optional<Path> newest(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("etcd-snapshot-"))
          .filter(p -> p.getFileName().toString().endsWith(".db"))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    }
  }

  private void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new EtcdException(
            "restore",
            String.join(" ", command.subList(0, 3)) + " failed: " + output.strip(),
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EtcdException("restore", "interrupted", e);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private void compact(EtcdFlags.TlsFiles client) {
    String revision = String.valueOf(action.parameters().getOrDefault("revision", "")).strip();
    boolean physical = Boolean.TRUE.equals(action.parameters().get("physical"));
    long target;
    try {
      target = revision.isEmpty() ? 0 : Long.parseLong(revision);
    } catch (NumberFormatException e) {
      action.fail("revision \"" + revision + "\" is not a number; leave it empty for the latest");
      return;
    }
    try (EtcdAdmin admin = EtcdAdmin.connect(List.of(clientUrl()), client)) {
      long compacted = admin.compact(target, physical);
      action.set("compacted", Long.toString(compacted));
    }
  }

  private void defrag(EtcdFlags.TlsFiles client) {
    try (EtcdAdmin admin = EtcdAdmin.connect(List.of(clientUrl()), client)) {
      long before = admin.status(clientUrl()).getDbSize();
      admin.defragment(clientUrl());
      long after = admin.status(clientUrl()).getDbSize();
      action.set("db-size.before", Long.toString(before));
      action.set("db-size.after", Long.toString(after));
    }
  }

  private void alarms(EtcdFlags.TlsFiles client, boolean disarm) {
    try (EtcdAdmin admin = EtcdAdmin.connect(List.of(clientUrl()), client)) {
      List<String> alarms = disarm ? admin.disarmAll() : admin.alarms();
      action.set(
          disarm ? "disarmed" : "alarms", alarms.isEmpty() ? "none" : String.join("\n", alarms));
    }
  }

  /**
   * Writes {@value #CREDENTIALS_ARCHIVE} (mode 0600): {@code etcd_credentials/} with {@code
   * ca.crt}, {@code client.crt}, {@code client.key} (0600) and {@code etcdctl.env}.
   */
  private void packageCredentials(EtcdFlags.TlsFiles client) throws IOException {
    String endpoints = String.join(",", endpoints());
    String env =
        "# Unpack, then source from the unpacked directory:\n"
            + "#   tar -xzf etcd_credentials.tar.gz && cd etcd_credentials && . ./etcdctl.env\n"
            + "export ETCDCTL_API=3\n"
            + "export ETCDCTL_ENDPOINTS="
            + endpoints
            + "\n"
            + "export ETCDCTL_CACERT=\"$PWD/ca.crt\"\n"
            + "export ETCDCTL_CERT=\"$PWD/client.crt\"\n"
            + "export ETCDCTL_KEY=\"$PWD/client.key\"\n";
    List<Tarball.Entry> entries =
        List.of(
            new Tarball.Entry(
                "etcd_credentials/ca.crt", 0644, Files.readAllBytes(Path.of(client.ca()))),
            new Tarball.Entry(
                "etcd_credentials/client.crt",
                0644,
                Files.readAllBytes(Path.of(client.certificate()))),
            new Tarball.Entry(
                "etcd_credentials/client.key", 0600, Files.readAllBytes(Path.of(client.key()))),
            new Tarball.Entry(
                "etcd_credentials/etcdctl.env", 0644, env.getBytes(StandardCharsets.UTF_8)));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    Tarball.write(bytes, entries, java.time.Instant.now().getEpochSecond());
    Path archive = ctx.machine().writeFile(CREDENTIALS_ARCHIVE, bytes.toByteArray(), 0600);
    action.set("path", archive.toString());
    action.set("endpoints", endpoints);
    action.set(
        "usage",
        "tar -xzf "
            + archive
            + " && cd etcd_credentials && . ./etcdctl.env && etcdctl member list");
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
