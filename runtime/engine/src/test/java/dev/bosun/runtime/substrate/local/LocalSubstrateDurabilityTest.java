package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.runtime.substrate.MachineRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSubstrateDurabilityTest {
  @TempDir Path temporary;
  private Path root;
  private LocalSubstrate substrate;

  @AfterEach
  void cleanUp() throws Exception {
    if (substrate != null) {
      substrate.close();
    }
    Machines.cleanUp(root);
  }

  @Test
  void reopensARootWithTheAddressRangeItWasCreatedWith() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).addressRange("127.76.0.0/24").build();
    assertThat(substrate.provision(MachineRequest.of("0")).address()).isEqualTo("127.76.0.1");
    substrate.close();

    substrate = Machines.fast(root).build();
    assertThat(substrate.lookup("0").orElseThrow().address()).isEqualTo("127.76.0.1");
    assertThat(substrate.provision(MachineRequest.of("1")).address()).isEqualTo("127.76.0.2");
  }

  @Test
  void refusesARangeThatLeavesARecordedMachineOutside() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).addressRange("127.76.0.0/24").build();
    substrate.provision(MachineRequest.of("0"));
    substrate.close();
    substrate = null;

    assertThatThrownBy(() -> Machines.fast(root).addressRange("127.77.0.0/16").build())
        .isInstanceOf(dev.bosun.runtime.substrate.SubstrateException.class)
        .hasMessageContaining("127.76.0.1, outside 127.77.0.0/16");
    substrate = Machines.fast(root).build();
    assertThat(substrate.lookup("0").orElseThrow().address()).isEqualTo("127.76.0.1");
  }

  @Test
  void closingLeavesServicesRunningAndANewSubstrateReadoptsAndSupervisesThem() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).build();
    Machine first = substrate.provision(MachineRequest.of("0"));
    Machine container = substrate.provision(new MachineRequest("0/lxd/0", null, "lxd", "0"));
    first.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    container.services().ensure(ServiceSpec.of("inner", "sleep", "600"));
    long sleeper = Machines.pid(substrate, "0", "sleeper");
    long inner = Machines.pid(substrate, "0/lxd/0", "inner");

    substrate.close();
    assertThat(Machines.alive(sleeper)).isTrue();
    assertThat(Machines.alive(inner)).isTrue();

    substrate = Machines.fast(root).build();
    assertThat(substrate.lookup("0").orElseThrow().address()).isEqualTo("127.77.0.1");
    assertThat(substrate.lookup("0/lxd/0").orElseThrow().services().status("inner"))
        .contains(new ServiceStatus("inner", true, inner, 0));
    Machine adopted = substrate.lookup("0").orElseThrow();
    assertThat(adopted.services().status("sleeper"))
        .contains(new ServiceStatus("sleeper", true, sleeper, 0));

    // The same specification: left alone.
    adopted.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    assertThat(Machines.pid(substrate, "0", "sleeper")).isEqualTo(sleeper);

    Machines.kill(sleeper);
    ServiceStatus restarted =
        Await.value(
            "the new substrate restarts the adopted service",
            () ->
                adopted
                    .services()
                    .status("sleeper")
                    .filter(status -> status.running() && status.pid() != sleeper)
                    .orElse(null));
    assertThat(restarted.restarts()).isEqualTo(1);
  }

  @Test
  void aServiceThatDiedWhileNobodySupervisedIsRestartedOnOpen() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).build();
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    long pid = Machines.pid(substrate, "0", "sleeper");
    substrate.close();
    Machines.kill(pid);
    Await.until("the service is dead", () -> !Machines.alive(pid));

    substrate = Machines.fast(root).build();

    ServiceStatus status =
        Await.value(
            "the service is restarted",
            () ->
                substrate
                    .lookup("0")
                    .orElseThrow()
                    .services()
                    .status("sleeper")
                    .filter(ServiceStatus::running)
                    .orElse(null));
    assertThat(status.pid()).isNotEqualTo(pid);
    assertThat(status.restarts()).isEqualTo(1);
  }

  @Test
  void aRecordedPidNowUsedByAnotherProcessIsNotMistakenForTheService() throws Exception {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).build();
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    long pid = Machines.pid(substrate, "0", "sleeper");
    substrate.close();
    // Pretend the service's process exited and its pid went to an unrelated process (this JVM):
    // the record names a pid that is alive but started at another time.
    Path file = root.resolve("0/run/bosun/services/sleeper.json");
    ServiceRecord record = ServiceRecord.read(file);
    long unrelated = ProcessHandle.current().pid();
    ProcessIdentity reused =
        new ProcessIdentity(
            unrelated,
            Instant.ofEpochMilli(record.startInstantMillis()),
            record.bootId(),
            record.startTicks());
    ServiceRecord.of(record.spec(), record.specHash(), reused, record.restarts(), false)
        .write(file);
    Machines.kill(pid);

    substrate = Machines.fast(root).build();

    ServiceStatus status =
        Await.value(
            "the service is restarted",
            () ->
                substrate
                    .lookup("0")
                    .orElseThrow()
                    .services()
                    .status("sleeper")
                    .filter(ServiceStatus::running)
                    .orElse(null));
    assertThat(status.pid()).isNotEqualTo(unrelated).isNotEqualTo(pid);
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  @Test
  void aServiceStartedByAChildJvmKeepsRunningAfterItExitsAndIsAdopted() throws Exception {
    root = temporary.resolve("machines");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ChildMain.class.getName(),
                root.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    List<String> lines = output.lines().filter(line -> line.matches("[0-9]+")).toList();
    assertThat(lines).as(output).hasSize(1);
    long pid = Long.parseLong(lines.get(0));

    assertThat(child.isAlive()).isFalse();
    assertThat(Machines.alive(pid)).isTrue();
    assertThat(ProcessHandle.of(pid).orElseThrow().parent().map(ProcessHandle::pid))
        .isNotEqualTo(Optional.of(child.pid()));

    substrate = Machines.fast(root).build();
    assertThat(substrate.lookup("0").orElseThrow().services().status("sleeper"))
        .contains(new ServiceStatus("sleeper", true, pid, 0));
    Machines.kill(pid);
    Await.until(
        "the adopted service is restarted",
        () ->
            substrate
                .lookup("0")
                .orElseThrow()
                .services()
                .status("sleeper")
                .map(status -> status.running() && status.pid() != pid)
                .orElse(false));
  }

  @Test
  void anInterruptedStopIsFinishedOnOpen() throws IOException {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).build();
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    long pid = Machines.pid(substrate, "0", "sleeper");
    substrate.close();
    Path file = root.resolve("0/run/bosun/services/sleeper.json");
    ServiceRecord record = ServiceRecord.read(file);
    ServiceRecord.of(record.spec(), record.specHash(), record.process(), record.restarts(), true)
        .write(file);

    substrate = Machines.fast(root).build();

    assertThat(Machines.alive(pid)).isFalse();
    assertThat(file).doesNotExist();
    assertThat(substrate.lookup("0").orElseThrow().services().status("sleeper")).isEmpty();
    assertThat(Files.isDirectory(root.resolve("0"))).isTrue();
  }
}
