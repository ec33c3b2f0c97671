package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DigestCacheTest {
  @Test
  void makesAValueOncePerText() {
    DigestCache<String> cache = new DigestCache<>(4);
    AtomicInteger made = new AtomicInteger();

    String first = cache.get("text", () -> "value " + made.incrementAndGet());
    String again = cache.get("text", () -> "value " + made.incrementAndGet());
    String other = cache.get("other text", () -> "value " + made.incrementAndGet());

    assertThat(first).isEqualTo("value 1").isSameAs(again);
    assertThat(other).isEqualTo("value 2");
  }

  @Test
  void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
    DigestCache<Integer> cache = new DigestCache<>(2);
    cache.get("a", () -> 1);
    cache.get("b", () -> 2);
    cache.get("a", () -> -1); // a is now the most recently used
    cache.get("c", () -> 3);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("a", () -> -1)).isEqualTo(1);
    assertThat(cache.get("b", () -> 20)).isEqualTo(20);
  }

  @Test
  void keepsNothingForATextWhoseValueCannotBeMade() {
    DigestCache<String> cache = new DigestCache<>(4);

    assertThatThrownBy(
            () ->
                cache.get(
                    "broken",
                    () -> {
                      throw new PemException("PRIVATE KEY", "not a key");
                    }))
        .isInstanceOf(PemException.class);
    assertThat(cache.size()).isZero();
  }

  @Test
  void parsesAPrivateKeyOncePerProcess() {
    String pem = TestKeys.EC_KEY.privateKeyPem();

    assertThat(Pem.parsePrivateKey(pem)).isSameAs(Pem.parsePrivateKey(pem));
    assertThat(Pem.parsePrivateKey(pem.replace("\n", "\r\n")).getEncoded())
        .isEqualTo(Pem.parsePrivateKey(pem).getEncoded());
  }

  @Test
  void parsesACertificateOncePerProcessWhateverItsLineBreaks() {
    String pem = TestKeys.EC_CA.certificatePem();

    assertThat(Pem.parseCertificate(pem.replace("\n", "\r\n")))
        .isSameAs(Pem.parseCertificate(pem))
        .isSameAs(Pem.parseCertificates(pem).get(0));
  }

  @Test
  void refusesAMissingKeyTextAsBefore() {
    assertThatThrownBy(() -> Pem.parsePrivateKey(null))
        .isInstanceOf(PemException.class)
        .hasMessageContaining("empty");
  }
}
