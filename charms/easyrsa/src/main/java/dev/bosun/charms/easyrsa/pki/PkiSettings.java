package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificate authority's settings, from the easyrsa charm's options {@code key-type}, {@code
 * key-size}, {@code ca-validity-days} and {@code certificate-validity-days}.
 *
 * @param keySpec the key algorithm of the CA (RSA 2048 by default)
 * @param caValidityDays how long the CA certificate is valid (3650 days by default)
 * @param certificateValidityDays how long issued certificates are valid (825 days by default, as
 *     EasyRSA 3.0.8 and later)
 */
public record PkiSettings(KeySpec keySpec, int caValidityDays, int certificateValidityDays) {
  /** The longest validity accepted, 100 years. */
  public static final int MAX_VALIDITY_DAYS = 36500;

  /** RSA 2048, a 3650-day CA, 825-day certificates. */
  public static final PkiSettings DEFAULTS = new PkiSettings(KeySpec.RSA_2048, 3650, 825);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException when a validity is outside 1..36500 days
   */
  public PkiSettings {
    requireNonNull(keySpec, "keySpec");
    checkDays("caValidityDays", caValidityDays);
    checkDays("certificateValidityDays", certificateValidityDays);
  }

  private static void checkDays(String name, int days) {
    if (days < 1 || days > MAX_VALIDITY_DAYS) {
      throw new IllegalArgumentException(
          name + " must be 1 to " + MAX_VALIDITY_DAYS + " days, not " + days);
    }
  }

  /**
   * Reads the charm's options, reporting every problem at once.
   *
   * <pre>{@code
   * PkiSettings settings = PkiSettings.fromConfig("ecdsa", 2048, 3650, 825);
   * }</pre>
   *
   * @param keyType {@code rsa} or {@code ecdsa}
   * @param keySize RSA modulus size in bits, 2048 to 16384 (ignored for ecdsa)
   * @param caValidityDays 1 to 36500
   * @param certificateValidityDays 1 to 36500
   * @throws PkiSettingsException listing every option with a bad value
   */
  public static PkiSettings fromConfig(
      String keyType, long keySize, long caValidityDays, long certificateValidityDays) {
    List<Problem> problems = new ArrayList<>();
    KeyType type = null;
    for (KeyType candidate : KeyType.values()) {
      if (candidate.configName().equals(keyType)) {
        type = candidate;
      }
    }
    if (type == null) {
      problems.add(
          Problem.error(
              null, "option \"key-type\": must be \"rsa\" or \"ecdsa\", not \"%s\"", keyType));
    }
    if (type == KeyType.RSA && (keySize < KeySpec.MIN_RSA_BITS || keySize > KeySpec.MAX_RSA_BITS)) {
      problems.add(
          Problem.error(
              null,
              "option \"key-size\": RSA keys must have %d to %d bits, not %d",
              KeySpec.MIN_RSA_BITS,
              KeySpec.MAX_RSA_BITS,
              keySize));
    }
    for (var option :
        List.of(
            java.util.Map.entry("ca-validity-days", caValidityDays),
            java.util.Map.entry("certificate-validity-days", certificateValidityDays))) {
      if (option.getValue() < 1 || option.getValue() > MAX_VALIDITY_DAYS) {
        problems.add(
            Problem.error(
                null,
                "option \"%s\": must be 1 to %d days, not %d",
                option.getKey(),
                MAX_VALIDITY_DAYS,
                option.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      throw new PkiSettingsException(problems);
    }
    KeySpec spec = type == KeyType.RSA ? KeySpec.rsa((int) keySize) : KeySpec.ECDSA_P256;
    return new PkiSettings(spec, (int) caValidityDays, (int) certificateValidityDays);
  }
}
