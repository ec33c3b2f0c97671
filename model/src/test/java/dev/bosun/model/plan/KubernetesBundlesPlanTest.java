package dev.bosun.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two Kubernetes shapes Bosun ships: kubernetes-core and the HA charmed-kubernetes. */
class KubernetesBundlesPlanTest {

  /** bundles/kubernetes-core.yaml, built in Java. */
  static ModelSpec kubernetesCore() {
    return ModelSpec.builder()
        .series("jammy")
        .machine(
            MachineSpec.of("0").withConstraints(Constraints.parse("cores=2 mem=4G root-disk=16G")))
        .machine(
            MachineSpec.of("1").withConstraints(Constraints.parse("cores=4 mem=4G root-disk=16G")))
        .application("easyrsa", app -> app.units(1).to("lxd:0"))
        .application("etcd", app -> app.units(1).to("0"))
        .application("flannel", app -> app.units(0))
        .application(
            "kubernetes-master",
            app ->
                app.units(1)
                    .constraints("cores=2 mem=4G root-disk=16G")
                    .expose(true)
                    .option("channel", "1.20/stable")
                    .to("0"))
        .application(
            "kubernetes-worker",
            app ->
                app.units(1)
                    .constraints("cores=4 mem=4G root-disk=16G")
                    .expose(true)
                    .option("channel", "1.20/stable")
                    .to("1"))
        .relate("kubernetes-master:kube-api-endpoint", "kubernetes-worker:kube-api-endpoint")
        .relate("kubernetes-master:kube-control", "kubernetes-worker:kube-control")
        .relate("kubernetes-master:certificates", "easyrsa:client")
        .relate("kubernetes-master:etcd", "etcd:db")
        .relate("kubernetes-worker:certificates", "easyrsa:client")
        .relate("etcd:certificates", "easyrsa:client")
        .relate("flannel:etcd", "etcd:db")
        .relate("flannel:cni", "kubernetes-master:cni")
        .relate("flannel:cni", "kubernetes-worker:cni")
        .build();
  }

  /** bundles/charmed-kubernetes.yaml (HA, no placement), built in Java. */
  static ModelSpec charmedKubernetes() {
    return ModelSpec.builder()
        .series("jammy")
        .application("easyrsa", app -> app.units(1).constraints("cores=1 mem=4G root-disk=16G"))
        .application("etcd", app -> app.units(3).constraints("cores=2 mem=8G root-disk=16G"))
        .application("flannel", app -> app.units(0))
        .application(
            "kubernetes-master",
            app ->
                app.units(2)
                    .constraints("cores=2 mem=8G root-disk=16G")
                    .option("channel", "1.20/stable"))
        .application(
            "kubernetes-worker",
            app ->
                app.units(3)
                    .constraints("cores=2 mem=8G root-disk=16G")
                    .expose(true)
                    .option("channel", "1.20/stable"))
        .relate("kubernetes-master:kube-api-endpoint", "kubernetes-worker:kube-api-endpoint")
        .relate("kubernetes-master:kube-control", "kubernetes-worker:kube-control")
        .relate("kubernetes-master:certificates", "easyrsa")
        .relate("kubernetes-master", "etcd")
        .relate("kubernetes-worker:certificates", "easyrsa")
        .relate("etcd", "easyrsa")
        .relate("flannel", "etcd")
        .relate("flannel:cni", "kubernetes-master:cni")
        .relate("flannel:cni", "kubernetes-worker:cni")
        .build();
  }

  @Test
  void kubernetesCoreOnAnEmptyModel() {
    Plan plan = Planner.plan(kubernetesCore(), ModelState.EMPTY);

    assertThat(plan.descriptions())
        .containsExactly(
            "upload charm easyrsa for base ubuntu@22.04/stable",
            "deploy application easyrsa on ubuntu@22.04/stable",
            "upload charm etcd for base ubuntu@22.04/stable",
            "deploy application etcd on ubuntu@22.04/stable",
            "upload charm flannel for base ubuntu@22.04/stable",
            "deploy application flannel on ubuntu@22.04/stable",
            "upload charm kubernetes-master for base ubuntu@22.04/stable",
            "deploy application kubernetes-master on ubuntu@22.04/stable",
            "expose all endpoints of kubernetes-master and allow access from CIDRs 0.0.0.0/0 and"
                + " ::/0",
            "upload charm kubernetes-worker for base ubuntu@22.04/stable",
            "deploy application kubernetes-worker on ubuntu@22.04/stable",
            "expose all endpoints of kubernetes-worker and allow access from CIDRs 0.0.0.0/0 and"
                + " ::/0",
            "add new machine 0",
            "add new machine 1",
            "add relation kubernetes-master:kube-api-endpoint -"
                + " kubernetes-worker:kube-api-endpoint",
            "add relation kubernetes-master:kube-control - kubernetes-worker:kube-control",
            "add relation kubernetes-master:certificates - easyrsa:client",
            "add relation kubernetes-master:etcd - etcd:db",
            "add relation kubernetes-worker:certificates - easyrsa:client",
            "add relation etcd:certificates - easyrsa:client",
            "add relation flannel:etcd - etcd:db",
            "add relation flannel:cni - kubernetes-master:cni",
            "add relation flannel:cni - kubernetes-worker:cni",
            "add unit etcd/0 to new machine 0",
            "add unit kubernetes-master/0 to new machine 0",
            "add unit kubernetes-worker/0 to new machine 1",
            "add lxd container 0/lxd/0 on new machine 0",
            "add unit easyrsa/0 to 0/lxd/0");
  }

  @Test
  void kubernetesCoreMachinesCarryTheBundleConstraints() {
    Plan plan = Planner.plan(kubernetesCore(), ModelState.EMPTY);

    AddMachineChange machine0 = (AddMachineChange) plan.change("addMachines-12").orElseThrow();
    AddMachineChange container = (AddMachineChange) plan.change("addMachines-27").orElseThrow();
    assertThat(machine0.bundleMachineId()).isEqualTo("0");
    assertThat(machine0.constraints()).isEqualTo(Constraints.parse("cores=2 mem=4G root-disk=16G"));
    assertThat(container.parentId()).isEqualTo("$addMachines-12");
    assertThat(container.requires()).containsExactly("addMachines-12", "addMachines-13");
  }

  @Test
  void kubernetesCoreAppliedGivesTheExpectedModelAndNoFurtherChanges() {
    ModelSpec spec = kubernetesCore();

    ModelState after = ModelState.EMPTY.apply(Planner.plan(spec, ModelState.EMPTY));

    assertThat(after.machines()).containsOnlyKeys("0", "1", "0/lxd/0");
    assertThat(after.machines().get("0/lxd/0").parentId()).isEqualTo("0");
    assertThat(after.machines().get("1").constraints())
        .isEqualTo(Constraints.parse("cores=4 mem=4G root-disk=16G"));
    assertThat(after.applications().get("easyrsa").units())
        .containsExactly(Map.entry("easyrsa/0", "0/lxd/0"));
    assertThat(after.applications().get("etcd").units()).containsExactly(Map.entry("etcd/0", "0"));
    assertThat(after.applications().get("kubernetes-worker").units())
        .containsExactly(Map.entry("kubernetes-worker/0", "1"));
    assertThat(after.applications().get("flannel").units()).isEmpty();
    assertThat(after.applications().get("kubernetes-master").exposed()).isTrue();
    assertThat(after.applications().get("kubernetes-master").options())
        .containsExactly(Map.entry("channel", "1.20/stable"));
    assertThat(after.applications().get("etcd").base()).isEqualTo("ubuntu@22.04/stable");
    assertThat(after.relations()).hasSize(9);
    assertThat(after.nextMachineNumber()).isEqualTo(2);
    assertThat(after.nextContainerNumber("0", "lxd")).isEqualTo(1);
    assertThat(Planner.plan(spec, after).isEmpty()).isTrue();
  }

  @Test
  void highlyAvailableModelOnAnEmptyModel() {
    Plan plan = Planner.plan(charmedKubernetes(), ModelState.EMPTY);

    assertThat(plan.descriptions())
        .containsExactly(
            "upload charm easyrsa for base ubuntu@22.04/stable",
            "deploy application easyrsa on ubuntu@22.04/stable",
            "upload charm etcd for base ubuntu@22.04/stable",
            "deploy application etcd on ubuntu@22.04/stable",
            "upload charm flannel for base ubuntu@22.04/stable",
            "deploy application flannel on ubuntu@22.04/stable",
            "upload charm kubernetes-master for base ubuntu@22.04/stable",
            "deploy application kubernetes-master on ubuntu@22.04/stable",
            "upload charm kubernetes-worker for base ubuntu@22.04/stable",
            "deploy application kubernetes-worker on ubuntu@22.04/stable",
            "expose all endpoints of kubernetes-worker and allow access from CIDRs 0.0.0.0/0 and"
                + " ::/0",
            "add relation kubernetes-master:kube-api-endpoint -"
                + " kubernetes-worker:kube-api-endpoint",
            "add relation kubernetes-master:kube-control - kubernetes-worker:kube-control",
            "add relation kubernetes-master:certificates - easyrsa",
            "add relation kubernetes-master - etcd",
            "add relation kubernetes-worker:certificates - easyrsa",
            "add relation etcd - easyrsa",
            "add relation flannel - etcd",
            "add relation flannel:cni - kubernetes-master:cni",
            "add relation flannel:cni - kubernetes-worker:cni",
            "add unit easyrsa/0 to new machine 0",
            "add unit etcd/0 to new machine 1",
            "add unit etcd/1 to new machine 2",
            "add unit etcd/2 to new machine 3",
            "add unit kubernetes-master/0 to new machine 4",
            "add unit kubernetes-master/1 to new machine 5",
            "add unit kubernetes-worker/0 to new machine 6",
            "add unit kubernetes-worker/1 to new machine 7",
            "add unit kubernetes-worker/2 to new machine 8");
  }

  @Test
  void scalingTheHighlyAvailableModelAddsOnlyTheNewUnits() {
    ModelState deployed =
        ModelState.EMPTY.apply(Planner.plan(charmedKubernetes(), ModelState.EMPTY));
    ModelSpec scaled =
        charmedKubernetes().toBuilder()
            .application("etcd", app -> app.units(5))
            .application("kubernetes-worker", app -> app.units(4))
            .build();

    Plan plan = Planner.plan(scaled, deployed);

    assertThat(plan.descriptions())
        .containsExactly(
            "add unit etcd/3 to new machine 9",
            "add unit etcd/4 to new machine 10",
            "add unit kubernetes-worker/3 to new machine 11");
    assertThat(plan.changes())
        .allSatisfy(change -> assertThat(change.requires()).doesNotContainNull());
    assertThat(((AddUnitChange) plan.changes().get(1)).requires()).containsExactly("addUnit-0");
  }

  @Test
  void changedOptionsAndConstraintsOfARunningModel() {
    ModelState deployed = ModelState.EMPTY.apply(Planner.plan(kubernetesCore(), ModelState.EMPTY));
    ModelSpec changed =
        kubernetesCore().toBuilder()
            .application(
                "kubernetes-worker",
                app -> app.option("channel", "1.21/stable").constraints("cores=8 mem=16G"))
            .application("etcd", app -> app.annotation("owner", "platform"))
            .build();

    assertThat(Planner.plan(changed, deployed).descriptions())
        .containsExactly(
            "set annotations for etcd",
            "set application options for kubernetes-worker",
            "set constraints for kubernetes-worker to \"cores=8 mem=16384M\"");
  }
}
