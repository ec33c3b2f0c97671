package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The certificate authority on disk, in EasyRSA's layout so backups of either restore into the
 * other:
 *
 * <pre>
 * &lt;directory&gt;/ca.crt              the CA certificate (0644)
 * &lt;directory&gt;/private/ca.key      the CA private key, PKCS#8 PEM (0600, directory 0700)
 * &lt;directory&gt;/issued/&lt;id&gt;.crt      issued certificates (0644): a {@code Bosun-Id:} line, then PEM
 * </pre>
 *
 * <p>The CA is created once and never regenerated: {@link #create} refuses to replace an existing
 * CA, and {@link #loadOrCreate} returns the stored one. The key file is created with mode 0600
 * before any byte is written and moved into place atomically; the certificate is written last, so a
 * store either holds a whole CA or none (a key left without certificate by a crash is replaced on
 * the next creation: nothing was ever signed with it).
 */
public final class CaStore {
  static final String CA_CERTIFICATE = "ca.crt";
  static final String PRIVATE = "private";
  static final String CA_KEY = "ca.key";
  static final String ISSUED = "issued";
  static final String CERTIFICATE_SUFFIX = ".crt";

  /** The first line of an issued certificate file: the id, percent-encoded. */
  static final String ID_HEADER = "Bosun-Id: ";

  private static final Object LOCK = new Object();

  private final Path directory;
  private final Clock clock;

  private CaStore(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** Opens a store in a directory (created on first write), with the system clock. */
  public static CaStore open(Path directory) {
    return open(directory, Clock.systemUTC());
  }

  /** Opens a store in a directory; the clock dates the certificates the loaded CA signs. */
  public static CaStore open(Path directory, Clock clock) {
    return new CaStore(requireNonNull(directory, "directory"), requireNonNull(clock, "clock"));
  }

  /** Returns the store's directory. */
  public Path directory() {
    return directory;
  }

  Path certificateFile() {
    return directory.resolve(CA_CERTIFICATE);
  }

  Path keyFile() {
    return directory.resolve(PRIVATE).resolve(CA_KEY);
  }

  Path issuedDirectory() {
    return directory.resolve(ISSUED);
  }

  /** Whether the store holds a CA (its certificate file exists). */
  public boolean exists() {
    return Files.exists(certificateFile());
  }

  /**
   * Creates a CA and stores it.
   *
   * @throws CaAlreadyExistsException when the store already holds a CA
   * @throws CaStoreException when the files cannot be written
   */
  public CertificateAuthority create(String commonName, PkiSettings settings) {
    synchronized (LOCK) {
      if (exists()) {
        throw new CaAlreadyExistsException(directory);
      }
      CertificateAuthority ca = CertificateAuthority.create(commonName, settings, clock);
      save(ca);
      return ca;
    }
  }

  /**
   * Returns the stored CA, or creates and stores one when there is none: calling it again, from a
   * new {@code CaStore} on the same directory too, returns the same CA.
   */
  public CertificateAuthority loadOrCreate(String commonName, PkiSettings settings) {
    synchronized (LOCK) {
      Optional<CertificateAuthority> stored = load();
      return stored.isPresent() ? stored.get() : create(commonName, settings);
    }
  }

  /**
   * Stores a CA in a store that holds none.
   *
   * @throws CaAlreadyExistsException when the store already holds a CA
   * @throws CaStoreException when the files cannot be written
   */
  public void save(CertificateAuthority ca) {
    requireNonNull(ca, "ca");
    synchronized (LOCK) {
      SecureFiles.createPrivateDirectory(directory);
      try (FileChannel lockFile =
          FileChannel.open(
              directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = lockFile.lock();
        try {
          writeNewCa(ca);
        } finally {
          lock.release();
        }
      } catch (IOException e) {
        throw new CaStoreException(
            directory, "cannot lock the CA store " + directory + ": " + SecureFiles.describe(e), e);
      }
    }
  }

  private void writeNewCa(CertificateAuthority ca) {
    if (exists()) {
      throw new CaAlreadyExistsException(directory);
    }
    SecureFiles.createPrivateDirectory(keyFile().getParent());
    byte[] key = Pem.privateKey(ca.privateKey()).getBytes(StandardCharsets.US_ASCII);
    try {
      SecureFiles.writePrivate(keyFile(), key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    try {
      SecureFiles.writeNew(
          certificateFile(), Pem.ascii(ca.certificatePem()), SecureFiles.PUBLIC_READ);
    } catch (FileAlreadyExistsException e) {
      throw new CaAlreadyExistsException(directory);
    }
  }

  /**
   * Loads the stored CA.
   *
   * @return empty when the store holds no CA
   * @throws CaStoreException when the certificate exists but the key is missing or does not belong
   *     to it, or a file does not parse (messages never hold key material)
   */
  public Optional<CertificateAuthority> load() {
    String certificateText;
    try {
      certificateText = Files.readString(certificateFile(), StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CaStoreException(
          certificateFile(),
          "cannot read " + certificateFile() + ": " + SecureFiles.describe(e),
          e);
    }
    byte[] keyBytes;
    try {
      keyBytes = Files.readAllBytes(keyFile());
    } catch (NoSuchFileException e) {
      throw new CaStoreException(
          keyFile(),
          "the CA certificate "
              + certificateFile()
              + " exists but its key "
              + keyFile()
              + " is missing; restore the CA from a backup");
    } catch (IOException e) {
      throw new CaStoreException(
          keyFile(), "cannot read " + keyFile() + ": " + SecureFiles.describe(e), e);
    }
    X509Certificate certificate;
    PrivateKey key;
    try {
      certificate = Pem.parseCertificate(certificateText);
      key = Pem.parsePrivateKey(new String(keyBytes, StandardCharsets.US_ASCII));
    } catch (PemException e) {
      throw new CaStoreException(
          directory, "the CA store " + directory + " is damaged: " + e.getMessage());
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
    try {
      return Optional.of(CertificateAuthority.of(key, certificate, clock));
    } catch (PkiException e) {
      throw new CaStoreException(
          directory, "the CA store " + directory + " is damaged: " + e.getMessage());
    }
  }

  /**
   * Makes the store hold the given CA: does nothing when it already does, stores it when the store
   * is empty, and replaces a different CA (dropping its issued certificates, which the other CA
   * signed). Used by units that mirror the CA their application keeps in a secret.
   *
   * @return whether the store changed
   * @throws CaStoreException when the files cannot be written
   */
  public boolean adopt(CertificateAuthority ca) {
    requireNonNull(ca, "ca");
    synchronized (LOCK) {
      Optional<CertificateAuthority> stored;
      try {
        stored = load();
      } catch (CaStoreException e) {
        stored = Optional.empty();
      }
      if (stored.isPresent() && stored.get().sameAs(ca)) {
        return false;
      }
      if (!exists()) {
        save(ca);
      } else {
        replaceWith(ca, java.util.Map.of());
      }
      return true;
    }
  }

  /**
   * Replaces the whole store with the given CA and issued certificates (restore): the new content
   * is written to a sibling directory, then swapped in with two renames; the old content is
   * deleted.
   *
   * @throws CaStoreException when it cannot be written; the old content is then kept
   */
  void replaceWith(CertificateAuthority ca, java.util.Map<String, X509Certificate> issued) {
    synchronized (LOCK) {
      Path absolute = directory.toAbsolutePath();
      Path parent = absolute.getParent();
      String suffix = Long.toHexString(Keys.RANDOM.nextLong() & Long.MAX_VALUE);
      Path staging = parent.resolve("." + absolute.getFileName() + ".restore-" + suffix);
      Path old = parent.resolve("." + absolute.getFileName() + ".old-" + suffix);
      try {
        CaStore next = new CaStore(staging, clock);
        next.save(ca);
        issued.forEach(next::saveIssued);
        boolean existed = Files.exists(absolute);
        if (existed) {
          Files.move(absolute, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        try {
          Files.move(staging, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (existed) {
            Files.move(old, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          }
          throw e;
        }
        if (existed) {
          deleteRecursively(old);
        }
      } catch (IOException e) {
        deleteQuietly(staging);
        throw new CaStoreException(
            directory,
            "cannot replace the CA store " + directory + ": " + SecureFiles.describe(e),
            e);
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void deleteQuietly(Path root) {
    try {
      if (Files.exists(root)) {
        deleteRecursively(root);
      }
    } catch (IOException ignored) {
      // best effort
    }
  }

  /**
   * Stores an issued certificate under an id (any text: it is percent-encoded into the file name),
   * replacing the previous one with that id.
   */
  public void saveIssued(String id, X509Certificate certificate) {
    String content = ID_HEADER + FileNames.encode(id) + "\n" + Pem.certificate(certificate);
    SecureFiles.writePublic(issuedFile(id), Pem.ascii(content));
  }

  /** Forgets an issued certificate; nothing happens when there is none with that id. */
  public void deleteIssued(String id) {
    try {
      Files.deleteIfExists(issuedFile(id));
    } catch (IOException e) {
      throw new CaStoreException(
          issuedFile(id), "cannot delete " + issuedFile(id) + ": " + SecureFiles.describe(e), e);
    }
  }

  /**
   * Returns the issued certificates by id, sorted.
   *
   * @throws CaStoreException when a file cannot be read or parsed
   */
  public SortedMap<String, X509Certificate> issued() {
    TreeMap<String, X509Certificate> issued = new TreeMap<>();
    if (!Files.isDirectory(issuedDirectory())) {
      return Collections.unmodifiableSortedMap(issued);
    }
    try (Stream<Path> files = Files.list(issuedDirectory())) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(CERTIFICATE_SUFFIX) || name.startsWith(".")) {
          continue;
        }
        try {
          String content = Files.readString(file, StandardCharsets.US_ASCII);
          issued.put(
              idOf(name.substring(0, name.length() - CERTIFICATE_SUFFIX.length()), content),
              Pem.parseCertificates(content).get(0));
        } catch (PemException e) {
          throw new CaStoreException(
              file, "the issued certificate " + file + " is damaged: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new CaStoreException(
          issuedDirectory(),
          "cannot read " + issuedDirectory() + ": " + SecureFiles.describe(e),
          e);
    }
    return Collections.unmodifiableSortedMap(issued);
  }

  private Path issuedFile(String id) {
    return issuedDirectory().resolve(FileNames.forId(id) + CERTIFICATE_SUFFIX);
  }

  /**
   * Returns the id of an issued certificate file: from its {@code Bosun-Id:} first line, else (a
   * file EasyRSA wrote, named after the common name) from its name.
   */
  static String idOf(String fileName, String content) {
    if (content.startsWith(ID_HEADER)) {
      int end = content.indexOf('\n');
      return FileNames.decode(
          content.substring(ID_HEADER.length(), end < 0 ? content.length() : end).strip());
    }
    return FileNames.decode(fileName);
  }

  @Override
  public String toString() {
    return "CaStore[" + directory + "]";
  }
}
