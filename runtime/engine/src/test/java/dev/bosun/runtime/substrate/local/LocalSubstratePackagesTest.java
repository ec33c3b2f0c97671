package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.PackageResult;
import dev.bosun.runtime.substrate.MachineRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSubstratePackagesTest {
  @TempDir Path temporary;
  private Path root;
  private Path bin;
  private LocalSubstrate substrate;
  private final List<Installation> installations = new ArrayList<>();

  record Installation(List<String> command, Map<String, String> environment, Path log) {}

  @BeforeEach
  void directories() throws IOException {
    root = temporary.resolve("machines");
    bin = Files.createDirectories(temporary.resolve("bin"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (substrate != null) {
      substrate.close();
    }
    Machines.cleanUp(root);
  }

  private Machine machine(boolean allowed, boolean privileged, boolean installerProvides) {
    substrate =
        Machines.fast(root)
            .searchPath(List.of(bin))
            .allowPackageInstallation(allowed)
            .privileged(privileged)
            .packageInstaller(
                (command, environment, log) -> {
                  installations.add(new Installation(command, environment, log));
                  if (installerProvides) {
                    executable("etcd");
                    return 0;
                  }
                  return 100;
                })
            .build();
    return substrate.provision(MachineRequest.of("0"));
  }

  @Test
  void aBinaryOnTheSearchPathIsUsedAsItIs() {
    Path etcd = executable("etcd");
    Machine machine = machine(true, true, true);

    PackageResult result = machine.packages().ensure("etcd-server", "etcd");

    assertThat(result).isEqualTo(new PackageResult(Optional.of(etcd), ""));
    assertThat(installations).isEmpty();
  }

  @Test
  void aMissingBinaryNamesTheCommandWhenInstallationIsNotAllowed() {
    Machine machine = machine(false, true, true);

    assertThat(machine.packages().ensure("etcd-server", "etcd"))
        .isEqualTo(new PackageResult(Optional.empty(), "apt-get install -y etcd-server"));
    assertThat(installations).isEmpty();
  }

  @Test
  void aMissingBinaryNeedsSudoWhenNotRoot() {
    Machine machine = machine(true, false, true);

    assertThat(machine.packages().ensure("etcd-server", "etcd"))
        .isEqualTo(new PackageResult(Optional.empty(), "sudo apt-get install -y etcd-server"));
    assertThat(installations).isEmpty();
  }

  @Test
  void aMissingBinaryIsInstalledOnceWhenAllowed() {
    Machine machine = machine(true, true, true);

    PackageResult result = machine.packages().ensure("etcd-server", "etcd");
    PackageResult again = machine.packages().ensure("etcd-server", "etcd");

    assertThat(result).isEqualTo(new PackageResult(Optional.of(bin.resolve("etcd")), ""));
    assertThat(again).isEqualTo(result);
    assertThat(installations)
        .containsExactly(
            new Installation(
                List.of("apt-get", "install", "-y", "etcd-server"),
                Map.of("DEBIAN_FRONTEND", "noninteractive"),
                machine.root().resolve("var/log/packages.log")));
  }

  @Test
  void aFailedInstallationIsNotRetriedAndNamesTheCommand() {
    Machine machine = machine(true, true, false);
    Machine other = substrate.provision(MachineRequest.of("1"));

    PackageResult result = machine.packages().ensure("etcd-server", "etcd");
    PackageResult again = other.packages().ensure("etcd-server", "etcd");

    assertThat(result)
        .isEqualTo(new PackageResult(Optional.empty(), "apt-get install -y etcd-server"));
    assertThat(again).isEqualTo(result);
    assertThat(installations).hasSize(1);
  }

  @Test
  void packageAndBinaryNamesAreChecked() {
    Machine machine = machine(true, true, true);

    assertThatThrownBy(() -> machine.packages().ensure("etcd; rm -rf /", "etcd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> machine.packages().ensure("etcd-server", "../etcd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(installations).isEmpty();
  }

  private Path executable(String name) {
    try {
      Path file = bin.resolve(name);
      Files.writeString(file, "#!/bin/sh\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
