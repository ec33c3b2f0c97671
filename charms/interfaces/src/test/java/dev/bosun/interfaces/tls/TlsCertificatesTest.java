package dev.bosun.interfaces.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.interfaces.FakeRelation;
import dev.bosun.interfaces.FakeTypedRelation;
import dev.bosun.interfaces.TestPems;
import dev.bosun.model.charm.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsCertificatesTest {
  private static final String CA = TestPems.certificate(1);

  @Test
  void definesBothSidesOfTheInterface() {
    assertThat(TlsCertificates.PROVIDER.interfaceName()).isEqualTo("tls-certificates");
    assertThat(TlsCertificates.PROVIDER.role()).isEqualTo(Role.PROVIDER);
    assertThat(TlsCertificates.PROVIDER.local()).isSameAs(TlsCertificates.PROVIDER_CODEC);
    assertThat(TlsCertificates.PROVIDER.remote()).isSameAs(TlsCertificates.REQUIRER_CODEC);
    assertThat(TlsCertificates.REQUIRER.role()).isEqualTo(Role.REQUIRER);
    assertThat(TlsCertificates.REQUIRER.local()).isSameAs(TlsCertificates.REQUIRER_CODEC);
  }

  @Test
  void convertsJujuUnitNamesToWireForm() {
    assertThat(TlsCertificates.wireUnitName("kubernetes-worker/12"))
        .isEqualTo("kubernetes-worker_12");
    assertThatThrownBy(() -> TlsCertificates.wireUnitName("etcd_0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"etcd_0\" is not a unit name such as \"etcd/0\"");
  }

  @Test
  void publishingDeletesTheKeysOfUnitsThatLeft() {
    FakeRelation relation = new FakeRelation("tls-certificates");
    FakeTypedRelation<TlsProviderData, TlsRequirerData> client =
        new FakeTypedRelation<>(relation, TlsCertificates.PROVIDER);
    RequestKey first = new RequestKey("etcd_0", CertificateType.TOP_LEVEL_SERVER, "a");
    RequestKey second = new RequestKey("etcd_1", CertificateType.CLIENT, "b");
    TlsCertificates.publish(
        client,
        TlsProviderData.builder(CA)
            .certificate(first, TestPems.certificate(2))
            .certificate(second, TestPems.certificate(3))
            .build());

    TlsCertificates.publish(
        client, TlsProviderData.builder(CA).certificate(first, TestPems.certificate(2)).build());

    assertThat(relation.localUnitData().asMap())
        .containsOnlyKeys("ca", "etcd_0.server.cert")
        .containsEntry("etcd_0.server.cert", TestPems.certificate(2));
  }

  @Test
  void requirerAndProviderTalkThroughTheirCodecs() {
    FakeRelation requirerSide = new FakeRelation("tls-certificates");
    FakeTypedRelation<TlsRequirerData, TlsProviderData> certificates =
        new FakeTypedRelation<>(requirerSide, TlsCertificates.REQUIRER);
    TlsRequirerData request =
        TlsRequirerData.builder("etcd_0")
            .topLevel("10.0.0.1", List.of("10.0.0.1"), "etcd_0", TestPems.csr(1))
            .build();
    certificates.publish(request);

    FakeRelation providerSide =
        new FakeRelation("tls-certificates").unit("etcd/0", requirerSide.localUnitData().asMap());
    FakeTypedRelation<TlsProviderData, TlsRequirerData> client =
        new FakeTypedRelation<>(providerSide, TlsCertificates.PROVIDER);
    assertThat(client.remoteUnits()).containsExactly(Map.entry("etcd/0", request));
    TlsProviderData.Builder answer = TlsProviderData.builder(CA);
    for (CertificateRequest pending :
        TlsRequests.newOrChanged(TlsRequests.read(providerSide).requests(), Map.of())) {
      answer.certificate(pending.key(), TestPems.certificate(7));
    }
    TlsCertificates.publish(client, answer.build());

    requirerSide.unit("easyrsa/0", providerSide.localUnitData().asMap());
    UnitCertificates mine = UnitCertificates.of("etcd_0", certificates.remoteUnits()).orElseThrow();
    assertThat(mine.serverCertificate()).contains(TestPems.certificate(7));
    assertThat(mine.missing(request)).isEmpty();
  }
}
