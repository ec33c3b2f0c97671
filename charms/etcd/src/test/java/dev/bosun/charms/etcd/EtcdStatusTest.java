package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtcdStatusTest {
  @Test
  void healthyCountsPeersWithTheOriginalWording() {
    assertThat(EtcdStatus.healthy(1)).isEqualTo("Healthy with 1 known peer");
    assertThat(EtcdStatus.healthy(3)).isEqualTo("Healthy with 3 known peers");
    assertThat(EtcdStatus.unhealthy(2)).isEqualTo("UnHealthy with 2 known peers");
  }

  @Test
  void aMissingBinaryNamesTheExactCommand() {
    assertThat(EtcdStatus.missingBinary("sudo apt-get install -y etcd-server"))
        .isEqualTo(
            "etcd is not installed and Bosun may not install it: run \"sudo apt-get install -y"
                + " etcd-server\" as root, or attach an etcd resource");
  }

  @Test
  void aMemberThatCannotListenQuotesEtcdAndSaysWhatToDo() {
    assertThat(
            EtcdStatus.cannotListen(
                "listen tcp 10.0.0.2:2380: bind: address already in use", "/m/var/log/etcd.log"))
        .isEqualTo(
            "etcd cannot listen: listen tcp 10.0.0.2:2380: bind: address already in use; stop"
                + " what holds the address: etcd is restarted until it can listen (log:"
                + " /m/var/log/etcd.log)");
  }
}
