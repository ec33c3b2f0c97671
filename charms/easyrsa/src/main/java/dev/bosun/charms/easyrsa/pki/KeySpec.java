package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

/**
 * A key algorithm and size: RSA with 2048 to 16384 bits, or ECDSA on P-256.
 *
 * @param type the algorithm
 * @param bits the RSA modulus size, or 256 for ECDSA P-256
 */
public record KeySpec(KeyType type, int bits) {
  /** The smallest RSA key Bosun generates or signs. */
  public static final int MIN_RSA_BITS = 2048;

  /** The largest RSA key Bosun generates or signs. */
  public static final int MAX_RSA_BITS = 16384;

  /** RSA 2048, the default (as EasyRSA's {@code EASYRSA_KEY_SIZE}). */
  public static final KeySpec RSA_2048 = new KeySpec(KeyType.RSA, 2048);

  /** ECDSA on NIST P-256. */
  public static final KeySpec ECDSA_P256 = new KeySpec(KeyType.ECDSA, 256);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException when an RSA size is outside 2048..16384 or an ECDSA size is
   *     not 256
   */
  public KeySpec {
    requireNonNull(type, "type");
    if (type == KeyType.RSA && (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS)) {
      throw new IllegalArgumentException(
          "RSA keys must have " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits, not " + bits);
    }
    if (type == KeyType.ECDSA && bits != 256) {
      throw new IllegalArgumentException("ECDSA keys use the P-256 curve (256 bits), not " + bits);
    }
  }

  /** Returns an RSA spec. */
  public static KeySpec rsa(int bits) {
    return new KeySpec(KeyType.RSA, bits);
  }

  /** Describes the spec: {@code RSA 2048} or {@code ECDSA P-256}. */
  @Override
  public String toString() {
    return type == KeyType.RSA ? "RSA " + bits : "ECDSA P-256";
  }
}
