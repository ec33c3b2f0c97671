package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a restore did.
 *
 * @param name the backup restored
 * @param safetyBackup the backup made of the CA that was replaced, if there was one
 * @param ca the restored CA ({@link CertificateAuthority#toString()} never shows its key)
 * @param issuedCertificates how many issued certificates the backup held
 */
public record RestoreResult(
    String name, Optional<String> safetyBackup, CertificateAuthority ca, int issuedCertificates) {

  /** Checks the components. */
  public RestoreResult {
    requireNonNull(name, "name");
    requireNonNull(safetyBackup, "safetyBackup");
    requireNonNull(ca, "ca");
  }
}
