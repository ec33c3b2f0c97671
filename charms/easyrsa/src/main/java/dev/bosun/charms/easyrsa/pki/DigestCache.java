package dev.bosun.charms.easyrsa.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the process already made from key material — a parsed key or certificate, a TLS context
 * built from a unit's client files — by a SHA-256 digest of that material, so a unit that reads the
 * same files in every hook builds from them once. Only the digest is kept of the material, never
 * the material itself, which may be a private key. Holds at most {@code capacity} values, dropping
 * the least recently used. Safe for concurrent use; two threads that miss the same digest at once
 * may both make the value, and either is kept.
 *
 * <pre>{@code
 * DigestCache<PrivateKey> keys = new DigestCache<>(256);
 * PrivateKey key = keys.get(pemText, () -> parse(pemText));
 * }</pre>
 *
 * @param <V> what is made from the material; immutable, as callers share it
 */
public final class DigestCache<V> {
  private final Map<String, V> values;

  /**
   * Creates an empty cache.
   *
   * @param capacity how many values it keeps at most
   */
  public DigestCache(int capacity) {
    this.values =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
              }
            });
  }

  /**
   * Returns the value made earlier from the same text, else makes it; a value {@code make} throws
   * for is not kept, so the same text throws again.
   */
  public V get(String text, Supplier<V> make) {
    return byDigest(digest(text.getBytes(StandardCharsets.UTF_8)), make);
  }

  /**
   * Returns the value kept under a digest the caller computed ({@link #digest}), else makes and
   * keeps it; a value {@code make} throws for is not kept.
   */
  public V byDigest(String digest, Supplier<V> make) {
    V value = values.get(digest);
    if (value == null) {
      value = make.get();
      values.put(digest, value);
    }
    return value;
  }

  /** Keeps a value made elsewhere under a digest the caller computed. */
  void put(String digest, V value) {
    values.put(digest, value);
  }

  /** How many values are kept. */
  int size() {
    return values.size();
  }

  /**
   * A SHA-256 digest of the parts, one after the other, as lower-case hex. Parts are not delimited:
   * a caller that digests several texts of varying length precedes each with its length.
   */
  public static String digest(byte[]... parts) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha256.update(part);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
