package dev.bosun.model.charm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The five charms Bosun ships, in {@code charms/} at the repository root, read as Juju would. */
class BundledCharmsTest {
  private static final Path CHARMS = repositoryRoot().resolve("charms");

  /** Walks up from the working directory to the directory of the parent pom, which has charms/. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isDirectory(dir.resolve("charms"))
            && Files.isRegularFile(pom)
            && Files.readString(pom).contains("<artifactId>bosun-parent</artifactId>")) {
          return dir;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no bosun-parent pom.xml above " + Path.of("").toAbsolutePath());
  }

  private static CharmMeta charm(String name) {
    return CharmMetaReader.read(CHARMS.resolve(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"easyrsa", "etcd", "flannel", "kubernetes-master", "kubernetes-worker"})
  void readsWithoutErrorsOrWarnings(String name) {
    CharmMetaReader.Result result = CharmMetaReader.readWithWarnings(CHARMS.resolve(name));

    assertThat(result.meta().name()).isEqualTo(name);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void etcdDeclaresItsEndpointsStorageConfigAndActions() {
    CharmMeta etcd = charm("etcd");

    assertThat(etcd.subordinate()).isFalse();
    assertThat(etcd.provides().keySet())
        .containsExactly("db", "proxy", "prometheus", "grafana", "nrpe-external-master");
    assertThat(etcd.provides().get("db"))
        .isEqualTo(new Endpoint("db", Role.PROVIDER, "etcd", Scope.GLOBAL, 0, false));
    assertThat(etcd.provides().get("nrpe-external-master").scope()).isEqualTo(Scope.CONTAINER);
    assertThat(etcd.requires().values())
        .containsExactly(Endpoint.of("certificates", Role.REQUIRER, "tls-certificates"));
    assertThat(etcd.peers().values()).containsExactly(Endpoint.of("cluster", Role.PEER, "etcd"));
    assertThat(etcd.storage().get("data"))
        .isEqualTo(
            new StorageMeta(
                "data", "block", "Data volume for etcd.", false, false, 0, 1, 1024, null));
    assertThat(etcd.resources()).containsOnlyKeys("etcd", "snapshot");

    ConfigSchema config = etcd.config();
    assertThat(config.option("port").orElseThrow().type()).isEqualTo(OptionType.INT);
    assertThat(config.defaults())
        .contains(
            entry("port", 2379L),
            entry("bind_to_all_interfaces", true),
            entry("snapshot_count", "auto"),
            entry("tls_cipher_suites", ""));

    assertThat(etcd.actions().keySet())
        .containsExactly(
            "health",
            "alarm-list",
            "alarm-disarm",
            "compact",
            "defrag",
            "snapshot",
            "restore",
            "package-client-credentials");
    assertThat(etcd.actions().get("snapshot").validate(Map.of()))
        .isEqualTo(Map.of("target", "var/lib/etcd-snapshots", "keys-version", "v3"));
  }

  @Test
  void flannelIsASubordinateAttachedOverAContainerScopedRequirer() {
    CharmMeta flannel = charm("flannel");

    assertThat(flannel.subordinate()).isTrue();
    assertThat(flannel.requires().get("cni"))
        .isEqualTo(new Endpoint("cni", Role.REQUIRER, "kubernetes-cni", Scope.CONTAINER, 0, false));
    assertThat(flannel.config().defaults())
        .containsExactly(
            entry("iface", ""), entry("cidr", "10.1.0.0/16"), entry("port", 0L), entry("vni", 0L));
    assertThat(flannel.actions()).isEmpty();
  }

  @Test
  void theControlPlaneAndWorkersRelateOverTheirInterfaces() {
    CharmMeta master = charm("kubernetes-master");
    CharmMeta worker = charm("kubernetes-worker");
    CharmMeta etcd = charm("etcd");
    CharmMeta flannel = charm("flannel");
    CharmMeta easyrsa = charm("easyrsa");

    assertThat(master.peers().keySet()).containsExactly("kube-masters", "coordinator");
    assertThat(master.requires().get("ha").scope()).isEqualTo(Scope.CONTAINER);
    assertThat(
            master
                .provides()
                .get("kube-control")
                .canRelateTo(worker.requires().get("kube-control")))
        .isTrue();
    assertThat(etcd.provides().get("db").canRelateTo(master.requires().get("etcd"))).isTrue();
    assertThat(flannel.requires().get("cni").canRelateTo(worker.provides().get("cni"))).isTrue();
    assertThat(easyrsa.provides().get("client").canRelateTo(etcd.requires().get("certificates")))
        .isTrue();
    assertThat(worker.endpointsWithImplicit()).last().isEqualTo(Endpoint.IMPLICIT_JUJU_INFO);
  }

  @Test
  void actionsOfTheKubernetesCharmsCarryTheirSchemas() {
    ActionSpec createPv = charm("kubernetes-master").actions().get("create-rbd-pv");
    ActionSpec microbot = charm("kubernetes-worker").actions().get("microbot");

    assertThat(createPv.schema()).containsEntry("required", List.of("name", "size"));
    assertThat(createPv.validate(Map.of("name", "pv", "size", 10)))
        .containsEntry("mode", "ReadWriteOnce");
    assertThat(microbot.validate(Map.of())).isEqualTo(Map.of("replicas", 3L, "delete", false));
    assertThat(charm("easyrsa").config().defaults()).containsEntry("key-size", 2048L);
  }

  @Test
  void theRepositoryFindsEveryBundledCharmByName() {
    DirectoryCharmRepository repository = DirectoryCharmRepository.scan(List.of(CHARMS));

    assertThat(repository.charms().keySet())
        .containsExactly("easyrsa", "etcd", "flannel", "kubernetes-master", "kubernetes-worker");
    assertThat(repository.warnings()).isEmpty();
  }
}
