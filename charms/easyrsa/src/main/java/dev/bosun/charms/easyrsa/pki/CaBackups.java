package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Backups of the certificate authority as {@code tar.gz} archives, for the easyrsa charm's actions
 * {@code backup}, {@code list-backups}, {@code restore} and {@code delete-backup}.
 *
 * <p>An archive holds {@code pki/ca.crt}, {@code pki/private/ca.key} and {@code
 * pki/issued/<id>.crt} — EasyRSA's layout, so an archive made by the original charm's {@code
 * backup} action restores here too (its CA and issued certificates; the keys it also held for
 * requesters are ignored). Archives are named {@code easyrsa-<yyyy-MM-dd_HH-mm-ss>.tar.gz} as the
 * original names them, and written with mode 0600 in a directory of mode 0700: they hold the CA's
 * private key.
 *
 * <p>A restore refuses an archive without a CA whose key matches its certificate; it first backs up
 * the CA it replaces.
 */
public final class CaBackups {
  /** The prefix of backup names. */
  public static final String PREFIX = "easyrsa-";

  /** The suffix of backup names. */
  public static final String SUFFIX = ".tar.gz";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String CORRUPTED = "Backup has unexpected content. Corrupted file? ";
  private static final String PKI = "pki";
  private static final String ARCHIVE_CA = "pki/ca.crt";
  private static final String ARCHIVE_KEY = "pki/private/ca.key";
  private static final String ARCHIVE_ISSUED = "pki/issued/";

  private final CaStore store;
  private final Path directory;
  private final Clock clock;

  private CaBackups(CaStore store, Path directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  /** Returns the backups of a store kept in a directory, named in the system's time zone. */
  public static CaBackups of(CaStore store, Path directory) {
    return of(store, directory, Clock.systemDefaultZone());
  }

  /** Returns the backups of a store kept in a directory; the clock's zone names them. */
  public static CaBackups of(CaStore store, Path directory, Clock clock) {
    return new CaBackups(
        requireNonNull(store, "store"),
        requireNonNull(directory, "directory"),
        requireNonNull(clock, "clock"));
  }

  /** Returns the directory the backups are in. */
  public Path directory() {
    return directory;
  }

  /**
   * Archives the CA and every issued certificate.
   *
   * @return the backup's name ({@code easyrsa-2026-01-31_12-00-00.tar.gz}, with {@code -1}, {@code
   *     -2} ... before the suffix when a backup of that second exists)
   * @throws BackupException when the store holds no CA
   * @throws CaStoreException when the store or the backup directory cannot be read or written
   */
  public String backup() {
    CertificateAuthority ca =
        store
            .load()
            .orElseThrow(
                () -> new BackupException(null, "there is no certificate authority to back up"));
    Map<String, X509Certificate> issued = store.issued();
    byte[] key = Pem.privateKey(ca.privateKey()).getBytes(StandardCharsets.US_ASCII);
    byte[] archive;
    try {
      List<TarArchive.Entry> entries = new ArrayList<>();
      entries.add(TarArchive.Entry.directory(PKI, 0700));
      entries.add(TarArchive.Entry.file(ARCHIVE_CA, 0644, Pem.ascii(ca.certificatePem())));
      entries.add(TarArchive.Entry.directory("pki/private", 0700));
      entries.add(TarArchive.Entry.file(ARCHIVE_KEY, 0600, key));
      entries.add(TarArchive.Entry.directory("pki/issued", 0755));
      issued.forEach(
          (id, certificate) ->
              entries.add(
                  TarArchive.Entry.file(
                      ARCHIVE_ISSUED + FileNames.forId(id) + CaStore.CERTIFICATE_SUFFIX,
                      0644,
                      Pem.ascii(
                          CaStore.ID_HEADER
                              + FileNames.encode(id)
                              + "\n"
                              + Pem.certificate(certificate)))));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
        TarArchive.write(gzip, entries, clock.instant().getEpochSecond());
      }
      archive = bytes.toByteArray();
    } catch (IOException e) {
      throw new BackupException(
          null, "cannot write the backup archive: " + SecureFiles.describe(e), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    SecureFiles.createPrivateDirectory(directory);
    String base = PREFIX + TIME.format(clock.instant().atZone(clock.getZone()));
    try {
      for (int attempt = 0; ; attempt++) {
        String name = base + (attempt == 0 ? "" : "-" + attempt) + SUFFIX;
        try {
          SecureFiles.writeNew(directory.resolve(name), archive, SecureFiles.OWNER_READ_WRITE);
          return name;
        } catch (FileAlreadyExistsException e) {
          // a backup of that second exists: try the next suffix
        }
      }
    } finally {
      Arrays.fill(archive, (byte) 0);
    }
  }

  /** Returns the names of the backups, sorted (oldest first, as the names hold the time). */
  public List<String> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX) && NAME.matcher(name).matches())
          .sorted(
              java.util.Comparator.comparing(
                  (String name) -> name.substring(0, name.length() - SUFFIX.length())))
          .toList();
    } catch (IOException e) {
      throw new CaStoreException(
          directory, "cannot list " + directory + ": " + SecureFiles.describe(e), e);
    }
  }

  /**
   * Returns the original charm's {@code list-backups} message: {@code Available backup files:}
   * followed by one name a line, or {@code There are no available backup files.}
   */
  public String listMessage() {
    List<String> names = list();
    if (names.isEmpty()) {
      return "There are no available backup files.";
    }
    return "Available backup files:\n" + String.join("\n", names);
  }

  /**
   * Restores the CA and issued certificates from a backup, replacing the store's content after
   * backing up the CA it held (if it can be read).
   *
   * @throws BackupException when the backup does not exist (the message tells to use {@code
   *     list-backups}), the name is not a plain file name, or the archive is damaged or holds no CA
   *     whose key matches its certificate
   */
  public RestoreResult restore(String name) {
    Path file =
        existing(
            name,
            "Backup with name '"
                + name
                + "' does not exist. Use action 'list-backups' to list all available backups");
    Map<String, TarArchive.Entry> entries = new TreeMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      for (TarArchive.Entry entry : TarArchive.read(in)) {
        checkPath(name, entry.name());
        entries.put(entry.name(), entry);
      }
    } catch (IOException e) {
      throw new BackupException(name, CORRUPTED + e.getMessage(), e);
    }
    TarArchive.Entry certificateEntry = entries.get(ARCHIVE_CA);
    TarArchive.Entry keyEntry = entries.get(ARCHIVE_KEY);
    if (certificateEntry == null
        || keyEntry == null
        || certificateEntry.directory()
        || keyEntry.directory()) {
      throw new BackupException(
          name, CORRUPTED + "It holds no CA (" + ARCHIVE_CA + " and " + ARCHIVE_KEY + ").");
    }
    CertificateAuthority ca;
    try {
      ca =
          CertificateAuthority.of(
              Pem.parsePrivateKey(new String(keyEntry.content(), StandardCharsets.US_ASCII)),
              Pem.parseCertificates(
                      new String(certificateEntry.content(), StandardCharsets.US_ASCII))
                  .get(0),
              clock);
    } catch (PkiException e) {
      throw new BackupException(name, CORRUPTED + "Its CA is not usable: " + e.getMessage());
    } finally {
      Arrays.fill(keyEntry.content(), (byte) 0);
    }
    Map<String, X509Certificate> issued = new TreeMap<>();
    for (TarArchive.Entry entry : entries.values()) {
      String path = entry.name();
      if (entry.directory()
          || !path.startsWith(ARCHIVE_ISSUED)
          || !path.endsWith(CaStore.CERTIFICATE_SUFFIX)
          || path.indexOf('/', ARCHIVE_ISSUED.length()) >= 0) {
        continue;
      }
      String fileName =
          path.substring(
              ARCHIVE_ISSUED.length(), path.length() - CaStore.CERTIFICATE_SUFFIX.length());
      try {
        String content = new String(entry.content(), StandardCharsets.US_ASCII);
        issued.put(CaStore.idOf(fileName, content), Pem.parseCertificates(content).get(0));
      } catch (PemException e) {
        throw new BackupException(name, CORRUPTED + path + ": " + e.getMessage());
      }
    }
    Optional<String> safety = Optional.empty();
    try {
      if (store.exists()) {
        safety = Optional.of(backup());
      }
    } catch (CaStoreException e) {
      // The current store is damaged (a restore is how it gets repaired): nothing to keep.
    }
    store.replaceWith(ca, issued);
    return new RestoreResult(name, safety, ca, issued.size());
  }

  /**
   * Deletes one backup.
   *
   * @throws BackupException when there is no backup of that name
   */
  public void delete(String name) {
    Path file = existing(name, "Backup file '" + name + "' does not exist");
    try {
      Files.delete(file);
    } catch (NoSuchFileException e) {
      throw new BackupException(name, "Backup file '" + name + "' does not exist");
    } catch (IOException e) {
      throw new BackupException(
          name, "cannot delete backup '" + name + "': " + SecureFiles.describe(e), e);
    }
  }

  /**
   * Deletes every backup.
   *
   * @return how many were deleted
   */
  public int deleteAll() {
    List<String> names = list();
    for (String name : names) {
      delete(name);
    }
    return names.size();
  }

  private Path existing(String name, String missingMessage) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      throw new BackupException(
          name,
          "Backup name '"
              + name
              + "' is not valid: use a name list-backups prints (letters, digits, '.', '_', '-')");
    }
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new BackupException(name, missingMessage);
    }
    return file;
  }

  private static void checkPath(String name, String path) {
    boolean outside =
        path.isEmpty()
            || path.startsWith("/")
            || path.contains("\\")
            || Arrays.asList(path.split("/")).contains("..")
            || !(path.equals(PKI) || path.startsWith(PKI + "/"));
    if (outside) {
      throw new BackupException(
          name, CORRUPTED + "It holds the path '" + path + "', outside pki/.");
    }
  }

  @Override
  public String toString() {
    return "CaBackups[" + store.directory() + " -> " + directory + "]";
  }
}
