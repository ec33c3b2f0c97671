package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EtcdSettingsTest {
  @Test
  void defaultsResolveAutoSnapshotCountAndTheMozillaCipherSuites() {
    EtcdSettings settings = EtcdSettings.of(2379, 2380, 100, 1000, "auto", "", true, false);

    assertThat(settings.snapshotCount()).isEqualTo(100_000);
    assertThat(settings.cipherSuites()).isEqualTo(EtcdSettings.DEFAULT_CIPHER_SUITES);
  }

  @Test
  void explicitCipherSuitesAreKeptInOrderWithoutRepeats() {
    EtcdSettings settings =
        EtcdSettings.of(
            2379,
            2380,
            100,
            1000,
            "5000",
            " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
                + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            true,
            false);

    assertThat(settings.snapshotCount()).isEqualTo(5000);
    assertThat(settings.cipherSuites())
        .containsExactly(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
  }

  @Test
  void everyProblemIsReportedTogetherNamingTheOption() {
    assertThatThrownBy(() -> EtcdSettings.of(2379, 2379, 100, 200, "lots", "TLS_NOPE", true, false))
        .isInstanceOf(InvalidSettingsException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSettingsException) e).problems())
                    .containsExactly(
                        "option \"port\" and \"management_port\" must differ, both are 2379",
                        "option \"election_timeout\" (200 ms) must be at least 5 times"
                            + " \"heartbeat_interval\" (100 ms), as etcd requires",
                        "option \"snapshot_count\" must be \"auto\" or a positive number, not"
                            + " \"lots\"",
                        "option \"tls_cipher_suites\": \"TLS_NOPE\" is not a cipher suite etcd"
                            + " knows, such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
        .hasMessageStartingWith("Invalid configuration: option \"port\" and");
  }

  @Test
  void portsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> EtcdSettings.of(0, 70000, 100, 1000, "auto", "", true, false))
        .hasMessage(
            "Invalid configuration: option \"port\" must be a port 1..65535, not 0; option"
                + " \"management_port\" must be a port 1..65535, not 70000");
  }

  @Test
  void insecureHttpMayNotTakeAPortInUse() {
    assertThatThrownBy(() -> EtcdSettings.of(4001, 2380, 100, 1000, "auto", "", true, true))
        .hasMessageContaining("bind_with_insecure_http listens on port 4001");
  }
}
