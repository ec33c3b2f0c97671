package dev.bosun.interfaces.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class RequestKeyTest {
  @Test
  void idsRoundTripEvenWithSlashesAndColonsInTheCommonName() {
    qt().withExamples(300)
        .forAll(
            TlsGenerators.unitNames(),
            Generate.enumValues(CertificateType.class),
            TlsGenerators.commonNames())
        .checkAssert(
            (unit, type, cn) -> {
              RequestKey key = new RequestKey(unit, type, cn);
              assertThat(RequestKey.parse(key.id())).isEqualTo(key);
            });
    assertThat(new RequestKey("etcd_0", CertificateType.CLIENT, "system:kube/apiserver").id())
        .isEqualTo("etcd_0/client/system:kube/apiserver");
  }

  @Test
  void rejectsTextThatIsNotAnId() {
    assertThatThrownBy(() -> RequestKey.parse("etcd_0"))
        .isInstanceOf(InvalidInterfaceDataException.class)
        .hasMessage("id: \"etcd_0\" is not a request id (<unit>/<type>/<common name>)");
    assertThatThrownBy(() -> RequestKey.parse("etcd_0/peer/x"))
        .hasMessage(
            "id: unknown certificate type \"peer\"; expected top-level-server, server or client");
  }

  @Test
  void ordersUnitsByNumber() {
    RequestKey two = new RequestKey("etcd_2", CertificateType.CLIENT, "a");
    RequestKey ten = new RequestKey("etcd_10", CertificateType.TOP_LEVEL_SERVER, "a");

    assertThat(two).isLessThan(ten);
  }
}
