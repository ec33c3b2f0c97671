package dev.bosun.interfaces.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.bosun.interfaces.FakeRelation;
import dev.bosun.interfaces.TestPems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsRequestsTest {
  private static final String CSR = TestPems.csr(1);

  private static CertificateRequest request(String cn, List<String> sans, String csr) {
    return new CertificateRequest(new RequestKey("etcd_0", CertificateType.SERVER, cn), sans, csr);
  }

  private static Map<String, String> issued(CertificateRequest... requests) {
    Map<String, String> fingerprints = new HashMap<>();
    for (CertificateRequest request : requests) {
      fingerprints.put(request.key().id(), request.fingerprint());
    }
    return fingerprints;
  }

  @Test
  void aRequestWithoutCertificateIsNew() {
    CertificateRequest request = request("a", List.of("10.0.0.1"), CSR);

    assertThat(TlsRequests.newOrChanged(List.of(request), Map.of())).containsExactly(request);
  }

  @Test
  void aRequestIssuedWithTheSameSansAndCsrIsHandled() {
    CertificateRequest request = request("a", List.of("10.0.0.1", "b"), CSR);

    assertThat(TlsRequests.newOrChanged(List.of(request), issued(request))).isEmpty();
  }

  @Test
  void reorderedOrRepeatedSansAreTheSameSans() {
    qt().withExamples(100)
        .forAll(TlsGenerators.sanLists())
        .checkAssert(
            sans -> {
              CertificateRequest original = request("a", sans, CSR);
              List<String> shuffled = new ArrayList<>(sans);
              shuffled.addAll(sans);
              Collections.shuffle(shuffled);

              assertThat(
                      TlsRequests.newOrChanged(
                          List.of(request("a", shuffled, CSR)), issued(original)))
                  .isEmpty();
            });
  }

  @Test
  void changedSansMeanReissue() {
    CertificateRequest before = request("a", List.of("10.0.0.1"), CSR);
    CertificateRequest after = request("a", List.of("10.0.0.1", "10.0.0.2"), CSR);

    assertThat(TlsRequests.newOrChanged(List.of(after), issued(before))).containsExactly(after);
  }

  @Test
  void aNewCsrMeansReissue() {
    CertificateRequest before = request("a", List.of("10.0.0.1"), CSR);
    CertificateRequest after = request("a", List.of("10.0.0.1"), TestPems.csr(2));

    assertThat(TlsRequests.newOrChanged(List.of(after), issued(before))).containsExactly(after);
  }

  @Test
  void reflowedCsrTextIsTheSameCsr() {
    CertificateRequest before = request("a", List.of(), CSR);
    CertificateRequest after = request("a", List.of(), CSR.replace("\n", "\r\n"));

    assertThat(TlsRequests.newOrChanged(List.of(after), issued(before))).isEmpty();
  }

  @Test
  void serverAndClientRequestsWithOneCommonNameAreDistinct() {
    CertificateRequest server = request("a", List.of(), CSR);
    CertificateRequest client =
        new CertificateRequest(
            new RequestKey("etcd_0", CertificateType.CLIENT, "a"), List.of(), CSR);

    assertThat(TlsRequests.newOrChanged(List.of(server, client), issued(server)))
        .containsExactly(client);
  }

  @Test
  void issuedCertificatesNobodyAsksForAreWithdrawn() {
    CertificateRequest kept = request("a", List.of(), CSR);
    CertificateRequest gone = request("b", List.of(), CSR);

    assertThat(TlsRequests.withdrawn(List.of(kept), issued(kept, gone).keySet()))
        .containsOnlyKeys("etcd_0/server/b")
        .containsValue(gone.key());
  }

  @Test
  void readsEveryUnitAndRejectsOnlyTheUnitsWithBadData() {
    FakeRelation relation =
        new FakeRelation("tls-certificates")
            .unit(
                "etcd/0",
                TlsCertificates.REQUIRER_CODEC.encode(
                    TlsRequirerData.builder("etcd_0")
                        .topLevel("10.0.0.1", List.of(), null, CSR)
                        .build()))
            .unit("etcd/1", Map.of("unit_name", "etcd_1", "common_name", "10.0.0.2"))
            .unit("etcd/2", Map.of())
            .unit(
                "etcd/10",
                TlsCertificates.REQUIRER_CODEC.encode(
                    TlsRequirerData.builder("etcd_10").client("c", CSR).build()));

    TlsRequests.RequestSet set = TlsRequests.read(relation);

    assertThat(set.requests())
        .extracting(r -> r.key().id())
        .containsExactly("etcd_0/top-level-server/10.0.0.1", "etcd_10/client/c");
    assertThat(set.rejected()).containsOnlyKeys("etcd/1");
    assertThat(set.rejected().get("etcd/1")).hasMessageContaining("has no \"csr\"");
  }

  @Test
  void aUnitCannotClaimAnotherUnitsName() {
    Map<String, String> claim =
        TlsCertificates.REQUIRER_CODEC.encode(
            TlsRequirerData.builder("etcd_0").client("c", CSR).build());
    FakeRelation relation =
        new FakeRelation("tls-certificates").unit("etcd/0", claim).unit("etcd/1", claim);

    TlsRequests.RequestSet set = TlsRequests.read(relation);

    assertThat(set.requests()).hasSize(1);
    assertThat(set.rejected()).containsOnlyKeys("etcd/1");
    assertThat(set.rejected().get("etcd/1"))
        .hasMessage(
            "relation data key \"unit_name\": unit etcd/1 publishes \"etcd_0\", which unit etcd/0"
                + " already publishes; each unit must send its own name");
  }

  @Test
  void collectsAllRequestsInKeyOrder() {
    TlsRequirerData first = TlsRequirerData.builder("etcd_10").client("z", CSR).build();
    TlsRequirerData second = TlsRequirerData.builder("etcd_2").server("a", List.of(), CSR).build();

    assertThat(TlsRequests.all(List.of(first, second)))
        .extracting(r -> r.key().id())
        .containsExactly("etcd_2/server/a", "etcd_10/client/z");
  }
}
