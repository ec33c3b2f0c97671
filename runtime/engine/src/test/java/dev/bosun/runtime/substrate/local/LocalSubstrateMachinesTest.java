package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.machine.Machine;
import dev.bosun.runtime.substrate.MachineRequest;
import dev.bosun.runtime.substrate.SubstrateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSubstrateMachinesTest {
  @TempDir Path temporary;
  private Path root;
  private LocalSubstrate substrate;

  private LocalSubstrate open() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).build();
    return substrate;
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (substrate != null) {
      substrate.close();
    }
    Machines.cleanUp(root);
  }

  @Test
  void everyMachineIsADirectoryTreeWithAnAddressOfItsOwn() {
    open();
    Machine first = substrate.provision(MachineRequest.of("0"));
    Machine second = substrate.provision(MachineRequest.of("1"));

    assertThat(first.root()).isEqualTo(root.resolve("0"));
    assertThat(second.root()).isEqualTo(root.resolve("1"));
    for (String directory : List.of("etc", "var/lib", "var/log", "run")) {
      assertThat(first.root().resolve(directory)).isDirectory();
    }
    assertThat(first.address()).isEqualTo("127.77.0.1");
    assertThat(second.address()).isEqualTo("127.77.0.2");
    assertThat(substrate.provision(MachineRequest.of("0"))).isSameAs(first);
    assertThat(substrate.lookup("1")).containsSame(second);
    assertThat(substrate.machineIds()).containsExactly("0", "1");
  }

  @Test
  void aContainerIsNestedUnderItsHostWithAnAddressOfItsOwn() {
    open();
    Machine host = substrate.provision(MachineRequest.of("0"));
    Machine container = substrate.provision(new MachineRequest("0/lxd/0", null, "lxd", "0"));

    assertThat(container.root()).isEqualTo(host.root().resolve("lxd/0"));
    assertThat(container.root().resolve("etc")).isDirectory();
    assertThat(container.address()).isEqualTo("127.77.0.2").isNotEqualTo(host.address());
    assertThat(substrate.machineIds()).containsExactly("0", "0/lxd/0");
  }

  @Test
  void aContainerNeedsItsHostAndAMatchingId() {
    open();
    assertThatThrownBy(() -> substrate.provision(new MachineRequest("5/lxd/0", null, "lxd", "5")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage("cannot provision container 5/lxd/0: its machine 5 does not exist");
    substrate.provision(MachineRequest.of("5"));
    assertThatThrownBy(() -> substrate.provision(new MachineRequest("6/lxd/0", null, "lxd", "5")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage(
            "cannot provision container 6/lxd/0: its id does not name a lxd container of machine 5");
    assertThatThrownBy(() -> substrate.provision(MachineRequest.of("../x")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage("cannot provision machine ../x: invalid machine id");
  }

  @Test
  void addressesAreNeverHandedOutWhileAllocated() {
    open();
    substrate.provision(MachineRequest.of("0"));
    substrate.provision(MachineRequest.of("1"));
    substrate.provision(MachineRequest.of("2"));
    substrate.release("1");

    Machine next = substrate.provision(MachineRequest.of("3"));

    assertThat(next.address()).isEqualTo("127.77.0.4");
    assertThat(
            Stream.of("0", "2", "3")
                .map(id -> substrate.lookup(id).orElseThrow().address())
                .distinct())
        .hasSize(3);
  }

  @Test
  void anExhaustedAddressRangeSaysWhatToDo() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).addressRange("127.77.9.0/29").build();
    for (int i = 0; i < 6; i++) {
      assertThat(substrate.provision(MachineRequest.of(Integer.toString(i))).address())
          .isEqualTo("127.77.9." + (i + 1));
    }

    assertThatThrownBy(() -> substrate.provision(MachineRequest.of("6")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage(
            "cannot provision machine 6: no addresses left in 127.77.9.0/29; release machines or"
                + " open the substrate with a larger address range");
    assertThat(root.resolve("6")).doesNotExist();

    substrate.release("2");
    assertThat(substrate.provision(MachineRequest.of("6")).address()).isEqualTo("127.77.9.3");
  }

  @Test
  void machinesAndTheirAddressesAreRecordedAndReadopted() {
    open();
    substrate.provision(MachineRequest.of("0"));
    substrate.provision(MachineRequest.of("1"));
    substrate.provision(new MachineRequest("1/lxd/0", null, "lxd", "1"));
    substrate.release("0");
    substrate.close();

    substrate = Machines.fast(root).build();

    assertThat(substrate.machineIds()).containsExactly("1", "1/lxd/0");
    assertThat(substrate.lookup("1").orElseThrow().address()).isEqualTo("127.77.0.2");
    assertThat(substrate.lookup("1/lxd/0").orElseThrow().address()).isEqualTo("127.77.0.3");
    assertThat(substrate.provision(MachineRequest.of("2")).address()).isEqualTo("127.77.0.4");
  }

  @Test
  void onlyOneSubstrateAtATimeHasTheDirectoryOpen() {
    open();
    assertThatThrownBy(() -> LocalSubstrate.open(root))
        .isInstanceOf(SubstrateException.class)
        .hasMessage(
            "the machines directory "
                + root
                + " is already open in this process; close its substrate first");
    substrate.close();
    substrate = LocalSubstrate.open(root);
    assertThat(substrate.machineIds()).isEmpty();
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsReported() throws Exception {
    Path file = Files.writeString(temporary.resolve("a-file"), "x");
    root = file.resolve("machines");
    assertThatThrownBy(() -> LocalSubstrate.open(root))
        .isInstanceOf(SubstrateException.class)
        .hasMessageStartingWith("cannot create the machines directory " + root + ": ")
        .hasMessageEndingWith("; check that its parent exists and is writable");
  }

  @Test
  void pathsStayUnderTheMachineRoot() {
    open();
    Machine machine = substrate.provision(MachineRequest.of("0"));

    assertThat(machine.path("etc/etcd/etcd.conf"))
        .isEqualTo(machine.root().resolve("etc/etcd/etcd.conf"));
    assertThat(machine.path("var/../etc")).isEqualTo(machine.root().resolve("etc"));
    assertThatThrownBy(() -> machine.path("../1/etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path ../1/etc escapes the root of machine 0");
    assertThatThrownBy(() -> machine.path("etc/../../escape"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> machine.path("/etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path /etc/passwd must be relative to the root of machine 0");
    assertThatThrownBy(() -> machine.writeFile("../escape", new byte[0], 0644))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void filesAreWrittenWithTheirModeAndNoTemporaryLeftBehind() throws Exception {
    open();
    Machine machine = substrate.provision(MachineRequest.of("0"));

    Path key = machine.writeFile("etc/app/key.pem", bytes("secret"), 0600);
    Path config = machine.writeFile("etc/app/app.conf", bytes("a=1"), 0644);
    machine.writeFile("etc/app/app.conf", bytes("a=2"), 0640);

    assertThat(key).isEqualTo(machine.root().resolve("etc/app/key.pem"));
    assertThat(Files.readString(key)).isEqualTo("secret");
    assertThat(mode(key)).isEqualTo("rw-------");
    assertThat(Files.readString(config)).isEqualTo("a=2");
    assertThat(mode(config)).isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(key.getParent())) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("key.pem", "app.conf");
    }
  }

  @Test
  void aReaderSeesTheOldOrTheNewContentNeverAMix() throws Exception {
    open();
    Machine machine = substrate.provision(MachineRequest.of("0"));
    String small = "a".repeat(10);
    String large = "b".repeat(200_000);
    Path file = machine.writeFile("etc/state", bytes(small), 0600);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> seen = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                try {
                  String content = Files.readString(file);
                  if (!content.equals(small) && !content.equals(large)) {
                    synchronized (seen) {
                      seen.add(content.length() + " characters");
                    }
                  }
                } catch (Exception e) {
                  synchronized (seen) {
                    seen.add(e.toString());
                  }
                }
              }
            });
    reader.start();
    for (int i = 0; i < 200; i++) {
      machine.writeFile("etc/state", bytes(i % 2 == 0 ? large : small), 0600);
    }
    writing.set(false);
    reader.join();

    assertThat(seen).isEmpty();
  }

  @Test
  void releaseDeletesTheMachineAndItsContainers() {
    open();
    Machine host = substrate.provision(MachineRequest.of("0"));
    substrate.provision(new MachineRequest("0/lxd/0", null, "lxd", "0"));
    Machine other = substrate.provision(MachineRequest.of("1"));
    host.writeFile("var/lib/data", bytes("x"), 0644);

    substrate.release("0");
    substrate.release("0"); // nothing left: nothing to do

    assertThat(host.root()).doesNotExist();
    assertThat(other.root()).isDirectory();
    assertThat(substrate.machineIds()).containsExactly("1");
    assertThat(substrate.lookup("0/lxd/0")).isEmpty();
    assertThatThrownBy(() -> host.writeFile("etc/x", bytes("x"), 0644))
        .isInstanceOf(SubstrateException.class)
        .hasMessage("machine 0 has been released");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
