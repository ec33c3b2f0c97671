package dev.bosun.interfaces.tls;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.bosun.interfaces.TestPems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of tls-certificates records. */
final class TlsGenerators {
  private TlsGenerators() {}

  static Gen<String> unitNames() {
    return Generate.pick(
            List.of(
                "etcd",
                "kubernetes-control-plane",
                "kubernetes-worker",
                "kubeapi-load-balancer",
                "a1"))
        .zip(integers().between(0, 300), (app, n) -> app + "_" + n);
  }

  static Gen<String> commonNames() {
    return strings()
        .betweenCodePoints(' ', '~')
        .ofLengthBetween(1, 64)
        .assuming(cn -> !cn.isBlank() && cn.strip().equals(cn));
  }

  static Gen<String> sans() {
    Gen<String> ipv4 =
        integers()
            .between(0, 255)
            .zip(
                integers().between(0, 255),
                integers().between(0, 255),
                (a, b, c) -> "10." + a + "." + b + "." + c);
    Gen<String> names = strings().betweenCodePoints('!', '~').ofLengthBetween(1, 40);
    return Generate.oneOf(ipv4, names, Generate.pick(List.of("::1", "fd00::5", "localhost")));
  }

  static Gen<List<String>> sanLists() {
    return lists().of(sans()).ofSizeBetween(0, 5);
  }

  static Gen<CertificateRequestEntry> entries() {
    return sanLists().zip(TestPems.csrs(), CertificateRequestEntry::new);
  }

  static Gen<Optional<TopLevelRequest>> topLevels() {
    Gen<TopLevelRequest> request =
        commonNames()
            .zip(
                sanLists(),
                Generate.oneOf(
                    Generate.constant(Optional.<String>empty()), unitNames().map(Optional::of)),
                TestPems.csrs(),
                TopLevelRequest::new);
    return Generate.oneOf(
        Generate.constant(Optional.<TopLevelRequest>empty()), request.map(Optional::of));
  }

  static Gen<Map<String, CertificateRequestEntry>> requestMaps() {
    return maps().of(commonNames(), entries()).ofSizeBetween(0, 4);
  }

  static Gen<TlsRequirerData> requirerData() {
    return unitNames().zip(topLevels(), requestMaps(), requestMaps(), TlsRequirerData::new);
  }

  static Gen<Map<String, String>> certificateMaps() {
    return maps().of(commonNames(), TestPems.certificates()).ofSizeBetween(0, 3);
  }

  static Gen<IssuedCertificates> issued() {
    Gen<Optional<String>> top =
        Generate.oneOf(
            Generate.constant(Optional.<String>empty()), TestPems.certificates().map(Optional::of));
    return top.zip(certificateMaps(), certificateMaps(), IssuedCertificates::new)
        .assuming(i -> !i.isEmpty());
  }

  static Gen<TlsProviderData> providerData() {
    Gen<Optional<String>> chain =
        Generate.oneOf(
            Generate.constant(Optional.<String>empty()), TestPems.certificates().map(Optional::of));
    return TestPems.certificates()
        .zip(chain, maps().of(unitNames(), issued()).ofSizeBetween(0, 4), TlsProviderData::new);
  }
}
