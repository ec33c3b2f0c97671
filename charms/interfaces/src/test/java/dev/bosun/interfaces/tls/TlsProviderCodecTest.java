package dev.bosun.interfaces.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.TestPems;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsProviderCodecTest {
  private static final TlsProviderCodec CODEC = TlsCertificates.PROVIDER_CODEC;
  private static final String CA = TestPems.certificate(100);
  private static final String SERVER = TestPems.certificate(101);
  private static final String PEER = TestPems.certificate(102);
  private static final String CLIENT = TestPems.certificate(103);

  private static TlsProviderData sample() {
    return TlsProviderData.builder(CA)
        .certificate(new RequestKey("etcd_0", CertificateType.TOP_LEVEL_SERVER, "10.0.0.1"), SERVER)
        .certificate(new RequestKey("etcd_0", CertificateType.SERVER, "etcd-peer"), PEER)
        .certificate(
            new RequestKey("kubernetes-worker_1", CertificateType.CLIENT, "system:kubelet"), CLIENT)
        .build();
  }

  @Test
  void writesTheOriginalKeysNamedAfterUnitsWithCertificatesOnly() throws Exception {
    Map<String, String> wire = CODEC.encode(sample());

    assertThat(wire)
        .containsOnlyKeys(
            "ca",
            "chain",
            "etcd_0.server.cert",
            "etcd_0.processed_requests",
            "etcd_0.processed_client_requests",
            "kubernetes-worker_1.server.cert",
            "kubernetes-worker_1.processed_requests",
            "kubernetes-worker_1.processed_client_requests");
    assertThat(wire)
        .containsEntry("ca", CA)
        .containsEntry("chain", "")
        .containsEntry("etcd_0.server.cert", SERVER)
        .containsEntry("etcd_0.processed_client_requests", "")
        .containsEntry("kubernetes-worker_1.server.cert", "");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readValue(wire.get("etcd_0.processed_requests"), Map.class))
        .isEqualTo(Map.of("etcd-peer", Map.of("cert", PEER)));
    assertThat(json.readValue(wire.get("kubernetes-worker_1.processed_client_requests"), Map.class))
        .isEqualTo(Map.of("system:kubelet", Map.of("cert", CLIENT)));
    assertThat(String.join("", wire.values()))
        .doesNotContain("PRIVATE KEY")
        .doesNotContain("\"key\"");
  }

  @Test
  void roundTripsEveryRecord() {
    qt().withExamples(150)
        .forAll(TlsGenerators.providerData())
        .checkAssert(
            data -> {
              Map<String, String> bag = new HashMap<>(CODEC.encode(data));
              assertThat(CODEC.decode(bag)).contains(data);
              bag.values().removeIf(String::isEmpty);
              assertThat(CODEC.decode(bag)).contains(data);
            });
  }

  @Test
  void isAbsentUntilTheCaIsPublished() {
    assertThat(CODEC.decode(Map.of("etcd_0.server.cert", SERVER))).isEmpty();
    assertThat(CODEC.decode(Map.of("ca", ""))).isEmpty();
  }

  @Test
  void neverReadsThePrivateKeysAnOriginalProviderSends() {
    String serverKey = TestPems.privateKey(1);
    String clientKey = TestPems.privateKey(2);
    String processedKey = TestPems.privateKey(3);
    Map<String, String> original =
        Map.of(
            "ca", CA,
            "client.cert", CLIENT,
            "client.key", clientKey,
            "etcd_0.server.cert", SERVER,
            "etcd_0.server.key", serverKey,
            "etcd_0.processed_requests",
                "{\"etcd-peer\": {\"cert\": "
                    + new ObjectMapper().valueToTree(PEER)
                    + ", \"key\": "
                    + new ObjectMapper().valueToTree(processedKey)
                    + "}}");

    TlsProviderData data = CODEC.decode(original).orElseThrow();

    assertThat(data.issuedTo("etcd_0").serverCertificate()).contains(SERVER);
    assertThat(data.issuedTo("etcd_0").serverCertificates())
        .containsExactly(Map.entry("etcd-peer", PEER));
    for (String key : new String[] {serverKey, clientKey, processedKey}) {
      String secret = TestPems.body(key).substring(0, 40);
      assertThat(data.toString()).doesNotContain(secret);
      assertThat(CODEC.encode(data).toString()).doesNotContain(secret);
    }
  }

  @Test
  void refusesAPrivateKeyInACertificateSlotWithoutShowingIt() {
    String key = TestPems.privateKey(4);

    assertThatThrownBy(() -> CODEC.decode(Map.of("ca", CA, "etcd_0.server.cert", key)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("relation data key \"etcd_0.server.cert\"")
        .hasMessageContaining("private keys must never be sent in relation data")
        .hasMessageNotContaining(TestPems.body(key).substring(0, 40));
    assertThatThrownBy(() -> TlsProviderData.builder(key).build())
        .hasMessageStartingWith("ca: holds a PRIVATE KEY block")
        .hasMessageNotContaining(TestPems.body(key).substring(0, 40));
  }

  @Test
  void namesTheKeyOfProcessedEntriesThatDoNotParse() {
    assertThatThrownBy(
            () -> CODEC.decode(Map.of("ca", CA, "etcd_0.processed_requests", "{\"a\": {}}")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "relation data key \"etcd_0.processed_requests\": the entry for \"a\" must be a JSON"
                + " object with a \"cert\" string");
    assertThatThrownBy(() -> CODEC.decode(Map.of("ca", CA, "Etcd/0.server.cert", SERVER)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("\"Etcd/0\" is not a unit name in wire form");
    assertThatThrownBy(() -> CODEC.decode(Map.of("ca", "not pem")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("relation data key \"ca\": must be PEM text, but holds no PEM block");
  }

  @Test
  void replacingEmptiesDepartedUnitsAndLegacySecretKeys() {
    Map<String, String> previous = new HashMap<>(CODEC.encode(sample()));
    previous.put("client.key", TestPems.privateKey(5));
    previous.put("client.cert", CLIENT);
    previous.put("etcd_0.server.key", TestPems.privateKey(6));
    previous.put("unrelated", "kept");
    TlsProviderData next =
        TlsProviderData.builder(CA)
            .certificate(
                new RequestKey("etcd_0", CertificateType.TOP_LEVEL_SERVER, "10.0.0.1"), SERVER)
            .build();

    Map<String, String> wire = CODEC.encodeReplacing(next, previous);

    assertThat(wire)
        .containsEntry("etcd_0.server.cert", SERVER)
        .containsEntry("kubernetes-worker_1.server.cert", "")
        .containsEntry("kubernetes-worker_1.processed_requests", "")
        .containsEntry("kubernetes-worker_1.processed_client_requests", "")
        .containsEntry("client.key", "")
        .containsEntry("client.cert", "")
        .containsEntry("etcd_0.server.key", "")
        .doesNotContainKey("unrelated");
  }

  @Test
  void findsTheCertificateOfARequest() {
    TlsProviderData data = sample();

    assertThat(data.certificate(new RequestKey("etcd_0", CertificateType.SERVER, "etcd-peer")))
        .contains(PEER);
    assertThat(data.certificate(new RequestKey("etcd_0", CertificateType.CLIENT, "etcd-peer")))
        .isEmpty();
    assertThat(data.certificate(new RequestKey("etcd_9", CertificateType.TOP_LEVEL_SERVER, "x")))
        .isEmpty();
  }
}
