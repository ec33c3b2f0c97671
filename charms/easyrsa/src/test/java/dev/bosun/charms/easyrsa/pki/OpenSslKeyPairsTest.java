package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.RsaKeyAssertions.assertSoundRsaKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OpenSslKeyPairs}: keys from the machine's {@code openssl} when it works, nothing (so the
 * JDK's generator is used) when it is missing, fails or prints something else.
 */
class OpenSslKeyPairsTest {
  @TempDir Path dir;

  @Test
  void generatesASoundKeyOfTheExactSizeWithOpenSsl() throws Exception {
    Optional<Path> openssl = OpenSslKeyPairs.onPath();
    assumeThat(openssl).as("openssl on the PATH").isPresent();

    Optional<KeyPair> keys = OpenSslKeyPairs.generate(openssl.get(), 2048);

    assertThat(keys).isPresent();
    assertSoundRsaKey(keys.get(), 2048);
  }

  @Test
  void givesNothingWhenTheExecutableIsMissing() {
    assertThat(OpenSslKeyPairs.generate(dir.resolve("no-such-openssl"), 2048)).isEmpty();
  }

  @Test
  void givesNothingWhenTheExecutableFails() throws Exception {
    assertThat(OpenSslKeyPairs.generate(script("echo broken >&2; exit 3"), 2048)).isEmpty();
  }

  @Test
  void givesNothingWhenTheExecutablePrintsSomethingElseThanAKey() throws Exception {
    assertThat(OpenSslKeyPairs.generate(script("printf 'not a key'"), 2048)).isEmpty();
  }

  @Test
  void refusesAKeyOfAnotherSize() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();

    assertThat(OpenSslKeyPairs.checked(pkcs8, 2048)).isEmpty();
    assertThat(OpenSslKeyPairs.checked(pkcs8, 1024)).isPresent();
  }

  @Test
  void refusesAKeyWhosePartsDoNotMatch() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    // PKCS#1 with a wrong CRT coefficient: a key that would sign wrongly
    byte[] pkcs1 =
        new RSAPrivateKey(
                key.getModulus(),
                key.getPublicExponent(),
                key.getPrivateExponent(),
                key.getPrimeP(),
                key.getPrimeQ(),
                key.getPrimeExponentP(),
                key.getPrimeExponentQ(),
                key.getCrtCoefficient().add(BigInteger.ONE))
            .getEncoded();

    assertThat(OpenSslKeyPairs.checked(pkcs1, 1024)).isEmpty();
  }

  private Path script(String body) throws Exception {
    Path file = dir.resolve("openssl");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}
