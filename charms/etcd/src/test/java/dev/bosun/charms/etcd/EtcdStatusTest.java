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
}
