package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.WarmUp;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link WarmUps}: SQLite's driver is preloaded for the verbs that open the model, the charms'
 * warm-ups run for the verbs that may run hooks, and only those.
 */
class WarmUpsTest {
  @Test
  void runsForVerbsThatMayRunHooks() {
    assertThat(WarmUps.wanted(new String[] {"deploy", "bundles/etcd-cluster.yaml", "--wait"}))
        .isTrue();
    assertThat(WarmUps.wanted(new String[] {"--model", "m", "add-unit", "etcd", "-n", "2"}))
        .isTrue();
    assertThat(WarmUps.wanted(new String[] {"destroy", "--yes"})).isTrue();
    assertThat(WarmUps.wanted(new String[] {"relate", "a", "b"})).isTrue();
  }

  @Test
  void doesNotRunForCommandsThatRunNoHook() {
    assertThat(WarmUps.wanted(new String[] {"status", "--format", "yaml"})).isFalse();
    assertThat(WarmUps.wanted(new String[] {"--model", "deploy", "export-bundle"})).isFalse();
    assertThat(WarmUps.wanted(new String[] {"validate", "bundle.yaml"})).isFalse();
    assertThat(WarmUps.wanted(new String[] {"--version"})).isFalse();
    assertThat(WarmUps.wanted(new String[] {"no-such-verb"})).isFalse();
    assertThat(WarmUps.wanted(new String[0])).isFalse();
  }

  @Test
  void preloadsTheStoreForEveryVerbThatOpensTheModel() {
    assertThat(WarmUps.opensModel(new String[] {"status", "--format", "yaml"})).isTrue();
    assertThat(WarmUps.opensModel(new String[] {"deploy", "bundle.yaml"})).isTrue();
    assertThat(WarmUps.opensModel(new String[] {"validate", "bundle.yaml"})).isFalse();
    assertThat(WarmUps.opensModel(new String[] {"--version"})).isFalse();
    assertThat(WarmUps.opensModel(new String[0])).isFalse();
  }

  @Test
  void quietsGrpcsJavaUtilLoggingToWarnings() {
    WarmUps.quietGrpc();

    java.util.logging.Logger grpc = java.util.logging.Logger.getLogger("io.grpc.netty");
    assertThat(grpc.isLoggable(java.util.logging.Level.INFO)).isFalse();
    assertThat(grpc.isLoggable(java.util.logging.Level.WARNING)).isTrue();
  }

  @Test
  void findsTheBuiltInCharmsWarmUpOnTheClassPath() {
    assertThat(ServiceLoader.load(WarmUp.class, getClass().getClassLoader()).stream())
        .extracting(provider -> provider.type().getName())
        .contains("dev.bosun.charms.easyrsa.pki.PkiWarmUp");
  }
}
