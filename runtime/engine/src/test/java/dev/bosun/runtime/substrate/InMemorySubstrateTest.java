package dev.bosun.runtime.substrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySubstrateTest {
  private final InMemorySubstrate substrate = InMemorySubstrate.temporary();

  @AfterEach
  void close() {
    substrate.close();
  }

  @Test
  void machinesGetAddressesOfTheirOwnInProvisioningOrder() {
    Machine first = substrate.provision(MachineRequest.of("0"));
    Machine second = substrate.provision(MachineRequest.of("1"));
    Machine container = substrate.provision(new MachineRequest("0/lxd/0", null, "lxd", "0"));

    assertThat(first.address()).isEqualTo("127.77.0.1");
    assertThat(second.address()).isEqualTo("127.77.0.2");
    assertThat(container.address()).isEqualTo("127.77.0.3");
    assertThat(substrate.provision(MachineRequest.of("0"))).isSameAs(first);
    assertThat(substrate.lookup("1")).containsSame(second);
  }

  @Test
  void addressesSkipTheNetworkAndBroadcastOfEachBlock() {
    String last = null;
    for (int i = 0; i < 300; i++) {
      last = substrate.provision(MachineRequest.of(Integer.toString(i))).address();
      assertThat(last).doesNotEndWith(".0").doesNotEndWith(".255");
    }
    assertThat(last).isEqualTo("127.77.1.46");
  }

  @Test
  void aContainerNeedsItsMachine() {
    assertThatThrownBy(() -> substrate.provision(new MachineRequest("5/lxd/0", null, "lxd", "5")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage("cannot provision container 5/lxd/0: its machine 5 does not exist");
  }

  @Test
  void filesAreWrittenAtomicallyUnderTheRootWithTheirMode() throws Exception {
    Machine machine = substrate.provision(MachineRequest.of("0"));

    Path written =
        machine.writeFile("etc/app/key.pem", "secret".getBytes(StandardCharsets.UTF_8), 0600);

    assertThat(written).isEqualTo(machine.root().resolve("etc/app/key.pem"));
    assertThat(Files.readString(written)).isEqualTo("secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-------");
    assertThat(machine.root().resolve("var")).isDirectory();
    assertThatThrownBy(() -> machine.path("../escape"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> machine.path("/etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void servicesAreRecordedButNotSpawnedAndPackagesAreAvailable() {
    Machine machine = substrate.provision(MachineRequest.of("0"));

    machine.services().ensure(ServiceSpec.of("etcd", "/usr/bin/etcd", "--name", "m0"));

    assertThat(machine.services().status("etcd").orElseThrow().running()).isTrue();
    assertThat(substrate.services("0")).containsOnlyKeys("etcd");
    machine.services().stop("etcd");
    assertThat(machine.services().status("etcd")).isEmpty();
    assertThat(machine.packages().ensure("etcd-server", "etcd").available()).isTrue();
  }

  @Test
  void releasingAMachineForgetsItAndDeletesItsFiles() throws Exception {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    Path file = machine.writeFile("etc/x", new byte[] {1}, 0644);

    substrate.release("0");

    assertThat(substrate.lookup("0")).isEmpty();
    assertThat(Files.exists(file)).isFalse();
  }
}
