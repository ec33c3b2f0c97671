package dev.bosun.interfaces.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.TestPems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsRequirerCodecTest {
  private static final TlsRequirerCodec CODEC = TlsCertificates.REQUIRER_CODEC;
  private static final String CSR = TestPems.csr(1);
  private static final String CLIENT_CSR = TestPems.csr(2);

  @Test
  void writesTheOriginalKeysPlusCsrs() throws Exception {
    TlsRequirerData data =
        TlsRequirerData.builder("etcd_0")
            .topLevel("10.0.0.1", List.of("10.0.0.1", "etcd-0"), "etcd_0", CSR)
            .server("etcd-peer", List.of("10.0.0.1"), TestPems.csr(3))
            .client("system:kube-apiserver", CLIENT_CSR)
            .build();

    Map<String, String> wire = CODEC.encode(data);

    assertThat(wire)
        .containsOnlyKeys(
            "unit_name",
            "common_name",
            "sans",
            "certificate_name",
            "csr",
            "cert_requests",
            "client_cert_requests");
    assertThat(wire.get("unit_name")).isEqualTo("etcd_0");
    assertThat(wire.get("common_name")).isEqualTo("10.0.0.1");
    assertThat(wire.get("sans")).isEqualTo("[\"10.0.0.1\",\"etcd-0\"]");
    assertThat(wire.get("certificate_name")).isEqualTo("etcd_0");
    assertThat(wire.get("csr")).isEqualTo(CSR);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readValue(wire.get("cert_requests"), Map.class))
        .isEqualTo(
            Map.of("etcd-peer", Map.of("sans", List.of("10.0.0.1"), "csr", TestPems.csr(3))));
    assertThat(json.readValue(wire.get("client_cert_requests"), Map.class))
        .isEqualTo(Map.of("system:kube-apiserver", Map.of("sans", List.of(), "csr", CLIENT_CSR)));
  }

  @Test
  void writesDeletionsForAbsentParts() {
    Map<String, String> wire = CODEC.encode(TlsRequirerData.builder("kubernetes-worker_3").build());

    assertThat(wire.get("unit_name")).isEqualTo("kubernetes-worker_3");
    assertThat(wire)
        .containsEntry("common_name", "")
        .containsEntry("sans", "")
        .containsEntry("certificate_name", "")
        .containsEntry("csr", "")
        .containsEntry("cert_requests", "")
        .containsEntry("client_cert_requests", "");
  }

  @Test
  void roundTripsEveryRecord() {
    qt().withExamples(200)
        .forAll(TlsGenerators.requirerData())
        .checkAssert(data -> assertThat(CODEC.decode(CODEC.encode(data))).contains(data));
  }

  @Test
  void roundTripsThroughABagThatDropsEmptyValues() {
    qt().withExamples(100)
        .forAll(TlsGenerators.requirerData())
        .checkAssert(
            data -> {
              Map<String, String> bag = new HashMap<>(CODEC.encode(data));
              bag.values().removeIf(String::isEmpty);
              assertThat(CODEC.decode(bag)).contains(data);
            });
  }

  @Test
  void isAbsentUntilTheUnitNameIsPublished() {
    assertThat(CODEC.decode(Map.of())).isEmpty();
    assertThat(CODEC.decode(Map.of("unit_name", "", "common_name", "x"))).isEmpty();
  }

  @Test
  void readsReactiveJsonNullSansAsNone() {
    Optional<TlsRequirerData> data =
        CODEC.decode(
            Map.of(
                "unit_name",
                "etcd_0",
                "common_name",
                "10.0.0.1",
                "sans",
                "null",
                "csr",
                CSR,
                "cert_requests",
                "{\"a\": {\"sans\": null, \"csr\": " + new ObjectMapper().valueToTree(CSR) + "}}"));

    assertThat(data.orElseThrow().topLevel().orElseThrow().sans()).isEmpty();
    assertThat(data.orElseThrow().serverRequests().get("a").sans()).isEmpty();
  }

  @Test
  void rejectsAnOriginalTopLevelRequestWithoutCsr() {
    Map<String, String> original =
        Map.of(
            "unit_name", "etcd_0",
            "common_name", "10.0.0.1",
            "sans", "[\"10.0.0.1\"]",
            "certificate_name", "etcd_0");

    assertThatThrownBy(() -> CODEC.decode(original))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("relation data key \"csr\"")
        .hasMessageContaining("common name \"10.0.0.1\" has no \"csr\"")
        .hasMessageContaining("signs certificate signing requests only")
        .extracting(e -> ((WireFormatException) e).key())
        .isEqualTo("csr");
  }

  @Test
  void rejectsAnOriginalClientRequestWithoutCsr() {
    Map<String, String> original =
        Map.of(
            "unit_name",
            "kubernetes-worker_0",
            "client_cert_requests",
            "{\"system:kubelet\": {\"sans\": []}}");

    assertThatThrownBy(() -> CODEC.decode(original))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("relation data key \"client_cert_requests\"")
        .hasMessageContaining("common name \"system:kubelet\" has no \"csr\"")
        .extracting(e -> ((WireFormatException) e).key())
        .isEqualTo("client_cert_requests");
  }

  @Test
  void refusesAPrivateKeyInPlaceOfACsrWithoutShowingIt() {
    String key = TestPems.privateKey(9);
    Map<String, String> bag = Map.of("unit_name", "etcd_0", "common_name", "10.0.0.1", "csr", key);

    assertThatThrownBy(() -> CODEC.decode(bag))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("relation data key \"csr\"")
        .hasMessageContaining("PRIVATE KEY block; private keys must never be sent")
        .hasMessageNotContaining(TestPems.body(key).substring(0, 40));
    assertThatThrownBy(() -> TlsRequirerData.builder("etcd_0").client("c", key).build())
        .isInstanceOf(InvalidInterfaceDataException.class)
        .hasMessageNotContaining(TestPems.body(key).substring(0, 40));
  }

  @Test
  void rejectsACertificateInPlaceOfACsr() {
    assertThatThrownBy(() -> new CertificateRequestEntry(List.of(), TestPems.certificate(1)))
        .isInstanceOf(InvalidInterfaceDataException.class)
        .hasMessage(
            "csr: must be one PEM \"CERTIFICATE REQUEST\" block, but holds [\"CERTIFICATE\"]");
  }

  @Test
  void namesTheKeyOfValuesThatDoNotParse() {
    assertThatThrownBy(
            () ->
                CODEC.decode(
                    Map.of("unit_name", "etcd_0", "common_name", "a", "csr", CSR, "sans", "[1]")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "relation data key \"sans\" must hold a JSON list of strings, but an element is a"
                + " JSON number");
    assertThatThrownBy(() -> CODEC.decode(Map.of("unit_name", "etcd_0", "cert_requests", "{")))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("relation data key \"cert_requests\" must hold JSON");
    String secret = TestPems.body(TestPems.privateKey(5)).substring(0, 60);
    assertThatThrownBy(
            () ->
                CODEC.decode(
                    Map.of("unit_name", "etcd_0", "cert_requests", "{\"a\": " + secret + "}")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "relation data key \"cert_requests\" must hold JSON, but does not parse at line 1,"
                + " column 7")
        .hasMessageNotContaining(secret.substring(0, 20));
    assertThatThrownBy(() -> CODEC.decode(Map.of("unit_name", "etcd/0")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "relation data key \"unit_name\": \"etcd/0\" is not a unit name in wire form (the Juju"
                + " unit name with \"/\" replaced by \"_\", such as \"etcd_0\")");
  }

  @Test
  void rejectsBadNamesWithClearMessages() {
    assertThatThrownBy(() -> TopLevelRequest.of(" ", List.of(), CSR))
        .hasMessage("common_name: a common name must not be empty");
    assertThatThrownBy(() -> TopLevelRequest.of("a".repeat(65), List.of(), CSR))
        .hasMessageContaining("has 65 characters; X.509 allows at most 64");
    assertThatThrownBy(() -> TopLevelRequest.of("a", List.of("has space"), CSR))
        .hasMessage(
            "sans: subject alternative name \"has space\" must not hold spaces or control"
                + " characters");
    assertThatThrownBy(() -> TopLevelRequest.of("a\nb", List.of(), CSR))
        .hasMessage(
            "common_name: common name \"a\\x0ab\" must not start or end with spaces nor hold"
                + " control characters");
  }

  @Test
  void describesCsrsWithoutTheirContent() {
    TlsRequirerData data =
        TlsRequirerData.builder("etcd_0").topLevel("a", List.of("b"), null, CSR).build();

    assertThat(data.toString())
        .contains("CERTIFICATE REQUEST")
        .doesNotContain(TestPems.body(CSR).substring(0, 30));
  }

  @Test
  void listsFlatRequestsInKeyOrder() {
    TlsRequirerData data =
        TlsRequirerData.builder("etcd_0")
            .client("c", CLIENT_CSR)
            .server("s", List.of("x"), CSR)
            .topLevel("t", List.of(), null, CSR)
            .build();

    assertThat(data.requests())
        .extracting(r -> r.key().id())
        .containsExactly("etcd_0/top-level-server/t", "etcd_0/server/s", "etcd_0/client/c");
  }
}
