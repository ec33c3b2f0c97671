package dev.bosun.interfaces.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.interfaces.FakeRelation;
import dev.bosun.interfaces.FakeTypedRelation;
import dev.bosun.interfaces.TestPems;
import dev.bosun.model.charm.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdInterfaceTest {
  private static final String CA = TestPems.certificate(1);

  @Test
  void dbAndClusterShareTheInterfaceNameWithDifferentRoles() {
    assertThat(EtcdInterface.DB_PROVIDER.interfaceName()).isEqualTo("etcd");
    assertThat(EtcdInterface.DB_PROVIDER.role()).isEqualTo(Role.PROVIDER);
    assertThat(EtcdInterface.DB_REQUIRER.role()).isEqualTo(Role.REQUIRER);
    assertThat(EtcdInterface.CLUSTER.interfaceName()).isEqualTo("etcd");
    assertThat(EtcdInterface.CLUSTER.role()).isEqualTo(Role.PEER);
    assertThat(EtcdInterface.CLUSTER.local()).isSameAs(EtcdInterface.CLUSTER.remote());
  }

  @Test
  void theConsumerPublishesNothing() {
    assertThat(EtcdInterface.CLIENT_CODEC.encode(EtcdClient.INSTANCE)).isEmpty();
    assertThat(EtcdInterface.CLIENT_CODEC.keys()).isEmpty();
    assertThat(EtcdInterface.CLIENT_CODEC.decode(Map.of())).contains(EtcdClient.INSTANCE);
  }

  @Test
  void prefersTheApplicationBag() {
    EtcdConnection app = EtcdConnection.of(List.of("https://10.0.0.9:2379"), CA, null);
    EtcdConnection unit = EtcdConnection.of(List.of("https://10.0.0.1:2379"), CA, null);
    FakeRelation relation =
        new FakeRelation("etcd")
            .unit("etcd/0", EtcdInterface.CONNECTION_CODEC.encode(unit))
            .remoteApplication(EtcdInterface.CONNECTION_CODEC.encode(app));

    assertThat(
            EtcdInterface.connection(new FakeTypedRelation<>(relation, EtcdInterface.DB_REQUIRER)))
        .contains(app);
  }

  @Test
  void otherwiseTakesTheFirstUnitInUnitOrder() {
    EtcdConnection first = EtcdConnection.of(List.of("https://10.0.0.2:2379"), CA, null);
    EtcdConnection later = EtcdConnection.of(List.of("https://10.0.0.10:2379"), CA, null);
    FakeRelation relation =
        new FakeRelation("etcd")
            .unit("etcd/10", EtcdInterface.CONNECTION_CODEC.encode(later))
            .unit("etcd/2", EtcdInterface.CONNECTION_CODEC.encode(first))
            .unit("etcd/1", Map.of());

    assertThat(
            EtcdInterface.connection(new FakeTypedRelation<>(relation, EtcdInterface.DB_REQUIRER)))
        .contains(first);
    assertThat(
            EtcdInterface.connection(
                new FakeTypedRelation<>(new FakeRelation("etcd"), EtcdInterface.DB_REQUIRER)))
        .isEmpty();
  }
}
