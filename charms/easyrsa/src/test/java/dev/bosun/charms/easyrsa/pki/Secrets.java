package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;

/** Assertions that text holds no private key material. */
final class Secrets {
  private Secrets() {}

  /** Pieces of the key that must never appear: PEM body windows and the secret number. */
  static List<String> fragments(PrivateKey key) {
    List<String> fragments = new ArrayList<>();
    String body = Pem.privateKey(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    for (int i = 0; i + 16 <= body.length(); i += 16) {
      fragments.add(body.substring(i, i + 16));
    }
    if (key instanceof RSAPrivateKey rsa) {
      fragments.add(rsa.getPrivateExponent().toString(10).substring(0, 20));
      fragments.add(rsa.getPrivateExponent().toString(16).substring(0, 20));
    }
    if (key instanceof ECPrivateKey ec) {
      fragments.add(ec.getS().toString(10).substring(0, 20));
      fragments.add(ec.getS().toString(16).substring(0, 20));
    }
    return fragments;
  }

  /** Asserts the text holds no fragment of the key and no PEM private key block. */
  static void assertNoKeyMaterial(String text, PrivateKey key) {
    assertThat(text).doesNotContain("PRIVATE KEY-----");
    for (String fragment : fragments(key)) {
      assertThat(text).doesNotContain(fragment);
    }
  }

  /** Asserts that neither the message nor any cause's message holds key material. */
  static void assertNoKeyMaterial(Throwable error, PrivateKey key) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertNoKeyMaterial(String.valueOf(t.getMessage()), key);
      assertNoKeyMaterial(t.toString(), key);
    }
  }
}
