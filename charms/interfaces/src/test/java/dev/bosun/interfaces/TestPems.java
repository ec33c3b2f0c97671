package dev.bosun.interfaces;

import java.util.Base64;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Synthetic PEM text for the interface tests, which check structure only: random bytes under the
 * right label.
 */
public final class TestPems {
  private TestPems() {}

  /** Returns a PEM block with the given label and a body of random bytes from the seed. */
  public static String block(String label, long seed, int size) {
    byte[] body = new byte[size];
    new Random(seed).nextBytes(body);
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(body)
        + "\n-----END "
        + label
        + "-----\n";
  }

  public static String csr(long seed) {
    return block("CERTIFICATE REQUEST", seed, 300);
  }

  public static String certificate(long seed) {
    return block("CERTIFICATE", seed, 500);
  }

  public static String privateKey(long seed) {
    return block("PRIVATE KEY", seed, 600);
  }

  /** The base64 body of a block (what must never leak), without line breaks. */
  public static String body(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }

  public static Gen<String> csrs() {
    return Generate.longRange(0, Long.MAX_VALUE).map(TestPems::csr);
  }

  public static Gen<String> certificates() {
    return Generate.longRange(0, Long.MAX_VALUE).map(TestPems::certificate);
  }
}
