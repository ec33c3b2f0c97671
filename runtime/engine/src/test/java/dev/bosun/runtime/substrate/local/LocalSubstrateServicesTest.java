package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.runtime.substrate.MachineRequest;
import dev.bosun.runtime.substrate.SubstrateException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSubstrateServicesTest {
  @TempDir Path temporary;
  private Path root;
  private LocalSubstrate substrate;

  @BeforeEach
  void open() {
    root = temporary.resolve("machines");
    substrate = Machines.fast(root).build();
  }

  @AfterEach
  void cleanUp() throws Exception {
    substrate.close();
    Machines.cleanUp(root);
  }

  @Test
  void aServiceListensOnItsMachinesAddressAndTwoMachinesShareAPort() throws Exception {
    Machine first = substrate.provision(MachineRequest.of("0"));
    Machine second = substrate.provision(MachineRequest.of("1"));
    int port = freePortOn(first.address(), second.address());

    first.services().ensure(portHolder(first.address(), port));
    second.services().ensure(portHolder(second.address(), port));

    assertThat(Await.value("machine 0 to answer", () -> answer(first.address(), port)))
        .isEqualTo(first.address());
    assertThat(Await.value("machine 1 to answer", () -> answer(second.address(), port)))
        .isEqualTo(second.address());
    assertThat(Machines.pid(substrate, "0", "web"))
        .isNotEqualTo(Machines.pid(substrate, "1", "web"));
  }

  @Test
  void aServiceRunsInItsOwnSessionWithItsEnvironmentAndWorkingDirectoryLoggingToVarLog()
      throws Exception {
    Machine machine = substrate.provision(MachineRequest.of("0"));

    machine
        .services()
        .ensure(
            new ServiceSpec(
                "greeter",
                List.of("sh", "-c", "echo \"$GREETING from $(pwd)\"; read line; exec sleep 600"),
                Map.of("GREETING", "hello"),
                "var/lib/greeter"));

    Path log = machine.root().resolve("var/log/greeter.log");
    Await.until("the greeting is logged", () -> read(log).contains("hello from "));
    assertThat(read(log))
        .contains("bosun: starting service greeter (ensured)")
        .contains("hello from " + machine.root().resolve("var/lib/greeter").toRealPath());
    long pid = Machines.pid(substrate, "0", "greeter");
    // Standard input is /dev/null: read returned at once and sh went on to sleep.
    Await.until(
        "the service execs sleep",
        () ->
            ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().command())
                .map(command -> command.endsWith("sleep"))
                .orElse(false));
    ProcFs.Stat stat = ProcFs.stat(pid);
    assertThat(stat).isNotNull();
    assertThat(stat.session()).isEqualTo(pid);
  }

  @Test
  void aKilledServiceIsRestartedAndItsRestartsCounted() {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    long first = Machines.pid(substrate, "0", "sleeper");
    assertThat(machine.services().status("sleeper"))
        .contains(new ServiceStatus("sleeper", true, first, 0));

    Machines.kill(first);

    ServiceStatus restarted =
        Await.value(
            "the supervisor restarts the service",
            () ->
                machine
                    .services()
                    .status("sleeper")
                    .filter(status -> status.running() && status.pid() != first)
                    .orElse(null));
    assertThat(restarted.restarts()).isEqualTo(1);
    assertThat(Machines.alive(restarted.pid())).isTrue();

    Machines.kill(restarted.pid());
    ServiceStatus again =
        Await.value(
            "the supervisor restarts the service again",
            () ->
                machine
                    .services()
                    .status("sleeper")
                    .filter(status -> status.running() && status.pid() != restarted.pid())
                    .orElse(null));
    assertThat(again.restarts()).isEqualTo(2);
    assertThat(read(machine.root().resolve("var/log/sleeper.log")))
        .contains("(restart 1 after its process exited)")
        .contains("(restart 2 after its process exited)");
  }

  @Test
  void aServiceExpectedToExitIsNotRestartedWhenItDoesUntilItIsEnsuredAgain() {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    ServiceSpec leaver = ServiceSpec.of("leaver", "sleep", "600");
    machine.services().ensure(leaver);
    machine.services().ensure(ServiceSpec.of("witness", "sleep", "600"));
    long leaverPid = Machines.pid(substrate, "0", "leaver");
    long witnessPid = Machines.pid(substrate, "0", "witness");

    machine.services().expectExit("leaver");
    machine.services().expectExit("unknown"); // nothing to expect: ignored
    assertThat(machine.services().status("leaver"))
        .contains(new ServiceStatus("leaver", true, leaverPid, 0));
    Machines.kill(leaverPid);
    Machines.kill(witnessPid);

    // The witness's restart shows the supervisor has checked both since they exited.
    Await.until(
        "the supervisor restarts the witness",
        () ->
            machine
                .services()
                .status("witness")
                .map(status -> status.running() && status.restarts() == 1)
                .orElse(false));
    assertThat(machine.services().status("leaver"))
        .contains(new ServiceStatus("leaver", false, -1, 0));
    assertThat(read(machine.root().resolve("var/log/leaver.log")))
        .doesNotContain("after its process exited");

    machine.services().ensure(leaver);
    long again = Machines.pid(substrate, "0", "leaver");
    assertThat(again).isNotEqualTo(leaverPid);
    Machines.kill(again);
    Await.until(
        "the ensured service is supervised again",
        () ->
            machine
                .services()
                .status("leaver")
                .map(status -> status.running() && status.restarts() == 1)
                .orElse(false));
  }

  @Test
  void whatAServiceThatExitedAsExpectedLeftInItsSessionIsStopped() {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    ProcessHandle child = treeWithChild(machine);
    long pid = Machines.pid(substrate, "0", "tree");

    machine.services().expectExit("tree");
    Machines.kill(pid);

    Await.until("the child is stopped", () -> !Processes.alive(child));
    assertThat(machine.services().status("tree")).contains(new ServiceStatus("tree", false, -1, 0));
  }

  @Test
  void whatACrashedServiceLeftInItsSessionIsStoppedBeforeItIsRestarted() {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    ProcessHandle child = treeWithChild(machine);
    long pid = Machines.pid(substrate, "0", "tree");

    Machines.kill(pid);

    Await.until(
        "the service is restarted",
        () -> machine.services().status("tree").map(ServiceStatus::restarts).orElse(0) == 1);
    assertThat(Processes.alive(child)).isFalse();
  }

  @Test
  void aStoppedServiceStaysStopped() {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine.services().ensure(ServiceSpec.of("stopped", "sleep", "600"));
    machine.services().ensure(ServiceSpec.of("witness", "sleep", "600"));
    long stopped = Machines.pid(substrate, "0", "stopped");

    machine.services().stop("stopped");
    machine.services().stop("stopped"); // unknown now: nothing to do

    assertThat(Machines.alive(stopped)).isFalse();
    assertThat(machine.services().status("stopped")).isEmpty();
    // The supervisor has checked since: it restarted the killed witness, not the stopped service.
    long witness = Machines.pid(substrate, "0", "witness");
    Machines.kill(witness);
    Await.until(
        "the witness is restarted",
        () -> machine.services().status("witness").map(ServiceStatus::restarts).orElse(0) == 1);
    assertThat(machine.services().status("stopped")).isEmpty();
    assertThat(machine.root().resolve("run/bosun/services/stopped.json")).doesNotExist();
  }

  @Test
  void ensureRestartsAServiceOnlyWhenItsSpecificationChanged() {
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    long first = Machines.pid(substrate, "0", "sleeper");

    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    assertThat(Machines.pid(substrate, "0", "sleeper")).isEqualTo(first);

    machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "601"));
    long second = Machines.pid(substrate, "0", "sleeper");
    assertThat(second).isNotEqualTo(first);
    assertThat(Machines.alive(first)).isFalse();
    assertThat(ProcessHandle.of(second).orElseThrow().info().arguments().orElseThrow())
        .containsExactly("601");
    assertThat(machine.services().status("sleeper").orElseThrow().restarts()).isZero();

    machine.services().restart("sleeper");
    long third = Machines.pid(substrate, "0", "sleeper");
    assertThat(third).isNotEqualTo(second);
    assertThat(Machines.alive(second)).isFalse();
  }

  @Test
  void stopTerminatesTheWholeProcessTreeAndKillsWhatIgnoresSigterm() {
    substrate.close();
    substrate = Machines.fast(root).stopGracePeriod(java.time.Duration.ofMillis(300)).build();
    Machine machine = substrate.provision(MachineRequest.of("0"));
    machine
        .services()
        .ensure(
            ServiceSpec.of("tree", "sh", "-c", "trap '' TERM; sleep 600 & sleep 600 & wait; wait"));
    long pid = Machines.pid(substrate, "0", "tree");
    List<ProcessHandle> children =
        Await.value(
            "the service starts its children",
            () -> {
              List<ProcessHandle> found =
                  ProcessHandle.of(pid).orElseThrow().descendants().toList();
              return found.size() >= 2 ? found : null;
            });

    machine.services().stop("tree");

    assertThat(Machines.alive(pid)).isFalse();
    assertThat(children).noneMatch(Processes::alive);
  }

  @Test
  void aProgramThatCannotBeFoundIsReportedAndNotRecorded() {
    Machine machine = substrate.provision(MachineRequest.of("0"));

    assertThatThrownBy(
            () -> machine.services().ensure(ServiceSpec.of("ghost", "no-such-program-bosun")))
        .isInstanceOf(SubstrateException.class)
        .hasMessageStartingWith(
            "cannot start service ghost on machine 0: no-such-program-bosun is not on PATH (")
        .hasMessageEndingWith(
            "): install it (the charm can call machine.packages().ensure) or give its absolute"
                + " path");
    assertThat(machine.services().status("ghost")).isEmpty();
    assertThat(machine.root().resolve("run/bosun/services/ghost.json")).doesNotExist();
    assertThatThrownBy(() -> machine.services().ensure(ServiceSpec.of("../x", "sleep", "1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void releaseLeavesNoProcessAndNoDirectory() {
    Machine host = substrate.provision(MachineRequest.of("0"));
    Machine container = substrate.provision(new MachineRequest("0/lxd/0", null, "lxd", "0"));
    host.services().ensure(ServiceSpec.of("tree", "sh", "-c", "sleep 600 & sleep 600 & wait"));
    host.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
    container.services().ensure(ServiceSpec.of("inner", "sleep", "600"));
    List<ProcessHandle> processes = new ArrayList<>();
    long tree = Machines.pid(substrate, "0", "tree");
    processes.add(ProcessHandle.of(tree).orElseThrow());
    processes.addAll(
        Await.value(
            "the tree starts its children",
            () -> {
              List<ProcessHandle> found =
                  ProcessHandle.of(tree).orElseThrow().descendants().toList();
              return found.size() >= 2 ? found : null;
            }));
    processes.add(ProcessHandle.of(Machines.pid(substrate, "0", "sleeper")).orElseThrow());
    processes.add(ProcessHandle.of(Machines.pid(substrate, "0/lxd/0", "inner")).orElseThrow());

    substrate.release("0");

    assertThat(processes).hasSize(5).noneMatch(Processes::alive);
    assertThat(root.resolve("0")).doesNotExist();
    assertThat(substrate.machineIds()).isEmpty();
    assertThatThrownBy(() -> host.services().ensure(ServiceSpec.of("late", "sleep", "1")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage("machine 0 has been released");
  }

  /** Ensures service "tree", a shell that waits for a child it started; returns the child. */
  private ProcessHandle treeWithChild(Machine machine) {
    machine.services().ensure(ServiceSpec.of("tree", "sh", "-c", "sleep 600 & wait"));
    long pid = Machines.pid(substrate, "0", "tree");
    return Await.value(
        "the service starts its child",
        () -> ProcessHandle.of(pid).orElseThrow().children().findFirst().orElse(null));
  }

  private static ServiceSpec portHolder(String address, int port) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classes;
    try {
      classes =
          Path.of(PortHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
    return ServiceSpec.of(
        "web",
        java.toString(),
        "-Xshare:auto",
        "-XX:TieredStopAtLevel=1",
        "-Xmx32m",
        "-cp",
        classes,
        PortHolder.class.getName(),
        address,
        Integer.toString(port));
  }

  private static int freePortOn(String first, String second) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket a = new ServerSocket()) {
        a.bind(new InetSocketAddress(InetAddress.getByName(first), 0));
        try (ServerSocket b = new ServerSocket()) {
          b.bind(new InetSocketAddress(InetAddress.getByName(second), a.getLocalPort()));
          return a.getLocalPort();
        } catch (IOException busy) {
          // Try another port.
        }
      }
    }
    throw new AssertionError("no port free on both " + first + " and " + second);
  }

  private static String answer(String address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName(address), port), 1000);
      socket.setSoTimeout(5000);
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    } catch (IOException notYet) {
      return null;
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
