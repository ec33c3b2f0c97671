package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdFlagsTest {
  private static final EtcdFlags.TlsFiles TLS =
      new EtcdFlags.TlsFiles(
          "/m/etc/etcd/ca.crt", "/m/etc/etcd/server.crt", "/m/etc/etcd/server.key");

  private static EtcdFlags flags(boolean existing) {
    return new EtcdFlags(
        "/usr/bin/etcd",
        "etcd1",
        "/m/var/lib/etcd",
        "127.77.0.3",
        TLS,
        "etcd0=https://127.77.0.2:2380,etcd1=https://127.77.0.3:2380",
        existing,
        "bosun-0123");
  }

  @Test
  void theCommandListensOnTheMachineAddressWithTlsAndClientCertificatesOnBothLinks() {
    EtcdSettings settings = EtcdSettings.of(2379, 2380, 100, 1000, "auto", "", true, false);

    List<String> command = flags(false).command(settings);

    assertThat(String.join(" ", command))
        .startsWith("/usr/bin/etcd --name etcd1 --data-dir /m/var/lib/etcd")
        .contains(
            "--listen-client-urls https://127.77.0.3:2379 ",
            "--advertise-client-urls https://127.77.0.3:2379 ",
            "--listen-peer-urls https://127.77.0.3:2380 ",
            "--initial-advertise-peer-urls https://127.77.0.3:2380 ",
            "--initial-cluster etcd0=https://127.77.0.2:2380,etcd1=https://127.77.0.3:2380 ",
            "--initial-cluster-state new ",
            "--initial-cluster-token bosun-0123 ",
            "--cert-file /m/etc/etcd/server.crt --key-file /m/etc/etcd/server.key"
                + " --trusted-ca-file /m/etc/etcd/ca.crt --client-cert-auth=true",
            "--peer-cert-file /m/etc/etcd/server.crt --peer-key-file /m/etc/etcd/server.key"
                + " --peer-trusted-ca-file /m/etc/etcd/ca.crt --peer-client-cert-auth=true",
            "--heartbeat-interval 100 --election-timeout 1000 --snapshot-count 100000",
            "--strict-reconfig-check=false --enable-v2=false",
            "--cipher-suites " + String.join(",", EtcdSettings.DEFAULT_CIPHER_SUITES))
        .doesNotContain("http://", "0.0.0.0");
  }

  @Test
  void optionsChangePortsTimersAndAJoiningMemberSaysExisting() {
    EtcdSettings settings = EtcdSettings.of(12379, 12380, 50, 500, "1000", "", false, true);

    String command = String.join(" ", flags(true).command(settings));

    assertThat(command)
        .contains(
            "--listen-client-urls https://127.77.0.3:12379,http://127.77.0.3:4001 ",
            "--advertise-client-urls https://127.77.0.3:12379 ",
            "--listen-peer-urls https://127.77.0.3:12380 ",
            "--initial-cluster-state existing ",
            "--heartbeat-interval 50 --election-timeout 500 --snapshot-count 1000");
  }

  @Test
  void theSameInputsGiveTheSameCommand() {
    EtcdSettings settings = EtcdSettings.of(2379, 2380, 100, 1000, "auto", "", true, false);

    assertThat(flags(false).command(settings)).isEqualTo(flags(false).command(settings));
  }

  @Test
  void ipv6AddressesAreBracketed() {
    EtcdSettings settings = EtcdSettings.of(2379, 2380, 100, 1000, "auto", "", true, false);

    assertThat(EtcdFlags.clientUrl("fd00::1", settings)).isEqualTo("https://[fd00::1]:2379");
  }
}
