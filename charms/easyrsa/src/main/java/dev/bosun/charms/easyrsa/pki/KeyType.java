package dev.bosun.charms.easyrsa.pki;

/** The key algorithms of the certificate authority and of the keys requesters generate. */
public enum KeyType {
  /** RSA, 2048 bits or more; signatures SHA256withRSA. */
  RSA("rsa"),
  /** ECDSA on NIST P-256; signatures SHA256withECDSA. */
  ECDSA("ecdsa");

  private final String configName;

  KeyType(String configName) {
    this.configName = configName;
  }

  /** Returns the name in the charm's {@code key-type} option: {@code rsa} or {@code ecdsa}. */
  public String configName() {
    return configName;
  }
}
