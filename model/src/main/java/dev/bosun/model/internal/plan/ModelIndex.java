package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.RelationState;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current model as the planner reads it (Juju's {@code bundlechanges.Model}): the state, the
 * counters that number new machines and units while planning, the bundle-to-model machine map, and
 * hash indexes so every question is answered without scanning the model.
 */
final class ModelIndex {
  private final ModelState state;
  private final Map<String, Integer> sequence;
  private final Map<String, String> machineMap;
  private final Map<String, String> unitMachine = new HashMap<>();
  private final Map<String, List<ApplicationState>> applicationsByCharm = new HashMap<>();
  private final Map<String, List<RelationState>> relationsByPair = new HashMap<>();
  private final Map<String, Map<String, String>> unitOnMachine = new HashMap<>();

  ModelIndex(ModelState state, Map<String, String> machineMap) {
    this.state = state;
    this.sequence = new HashMap<>(state.sequences());
    this.machineMap = new HashMap<>(machineMap);
    for (ApplicationState app : state.applications().values()) {
      applicationsByCharm.computeIfAbsent(app.charm(), key -> new ArrayList<>()).add(app);
      app.units().forEach(unitMachine::put);
    }
    for (RelationState relation : state.relations()) {
      relationsByPair
          .computeIfAbsent(
              pairKey(relation.first().application(), relation.second().application()),
              key -> new ArrayList<>())
          .add(relation);
    }
  }

  ModelState state() {
    return state;
  }

  Map<String, String> machineMap() {
    return machineMap;
  }

  ApplicationState application(String name) {
    return state.applications().get(name);
  }

  boolean hasMachine(String id) {
    return state.machines().containsKey(id);
  }

  /** The existing model machine a bundle machine maps to, or null. */
  MachineState bundleMachine(String bundleMachineId) {
    String mapped = machineMap.get(bundleMachineId);
    return mapped == null ? null : state.machines().get(mapped);
  }

  String nextMachine() {
    return Integer.toString(next(ModelState.MACHINE_SEQUENCE));
  }

  String nextContainer(String parentId, String containerType) {
    return parentId
        + "/"
        + containerType
        + "/"
        + next(ModelState.containerSequence(parentId, containerType));
  }

  String nextUnit(String application) {
    return application + "/" + next(ModelState.unitSequence(application));
  }

  private int next(String key) {
    int value = sequence.getOrDefault(key, 0);
    sequence.put(key, value + 1);
    return value;
  }

  /** The machine of unit {@code app/number}, or null when the model has no such unit. */
  String unitMachine(String application, int number) {
    return unitMachine.get(application + "/" + number);
  }

  /** Whether the model relates the two sides, in either order (null endpoints match any). */
  boolean hasRelation(EndpointRef a, EndpointRef b) {
    List<RelationState> candidates = relationsByPair.get(pairKey(a.application(), b.application()));
    if (candidates == null) {
      return false;
    }
    for (RelationState relation : candidates) {
      if (relation.joins(a, b)) {
        return true;
      }
    }
    return false;
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
  }

  /**
   * Juju's {@code matchesCharmPermutation}: whether an application of the model runs the charm with
   * the same architecture, base and channel (any when all three are empty), and the revision when
   * one is given.
   */
  boolean matchesCharm(
      String charm, String architecture, String base, String channel, int revision) {
    List<ApplicationState> candidates = applicationsByCharm.getOrDefault(charm, List.of());
    boolean anyPermutation = architecture.isEmpty() && base.isEmpty() && channel.isEmpty();
    for (ApplicationState app : candidates) {
      if (revision >= 0 && (app.revision() == null || app.revision() != revision)) {
        continue;
      }
      if (anyPermutation) {
        return true;
      }
      String appArch = app.constraints().arch() == null ? "" : app.constraints().arch();
      String appChannel = app.channel() == null ? "" : app.channel();
      if (appArch.equals(architecture)
          && Bases.canonical(app.base(), app.series()).equals(base)
          && appChannel.equals(channel)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Juju's {@code getAppUnitOnMachine}: the first unit of the application on the machine (a bundle
   * machine id is first mapped to the model's), directly when {@code containerType} is null, else
   * in a container of that type on it; null when there is none.
   */
  String unitOnMachine(String machine, String application, String containerType) {
    String mapped = machineMap.getOrDefault(machine, machine);
    Map<String, String> index =
        unitOnMachine.computeIfAbsent(application, name -> unitsByMachine(application(name)));
    return index.get(containerType == null ? mapped : mapped + '\u0000' + containerType);
  }

  private static Map<String, String> unitsByMachine(ApplicationState app) {
    Map<String, String> index = new HashMap<>();
    if (app == null) {
      return index;
    }
    for (Map.Entry<String, String> unit : app.units().entrySet()) {
      String machine = unit.getValue();
      if (machine == null || !MachineState.isValidId(machine)) {
        continue;
      }
      MachineState parsed = MachineState.of(machine);
      String key =
          parsed.isContainer() ? parsed.parentId() + '\u0000' + parsed.containerType() : machine;
      index.putIfAbsent(key, unit.getKey());
    }
    return index;
  }

  boolean machineHasApplication(String machine, String application, String containerType) {
    return unitOnMachine(machine, application, containerType) != null;
  }

  /**
   * Juju's {@code unitMachinesWithoutApp}: the top-level machines hosting units of {@code source}
   * where {@code target} has no unit (directly, or in a container of the given type), in natural
   * order.
   */
  List<String> unitMachinesWithoutApplication(String source, String target, String container) {
    ApplicationState sourceApp = application(source);
    if (sourceApp == null) {
      return new ArrayList<>();
    }
    Set<String> machines = new LinkedHashSet<>();
    for (String machine : sourceApp.units().values()) {
      if (machine != null) {
        machines.add(MachineState.topLevel(machine));
      }
    }
    ApplicationState targetApp = application(target);
    if (targetApp != null) {
      for (String machine : targetApp.units().values()) {
        if (machine == null || !MachineState.isValidId(machine)) {
          continue;
        }
        if (container == null) {
          machines.remove(machine);
        } else if (container.equals(MachineState.of(machine).containerType())) {
          machines.remove(MachineState.topLevel(machine));
        }
      }
    }
    List<String> result = new ArrayList<>(machines);
    result.sort(NaturalOrder.INSTANCE);
    return result;
  }

  /**
   * Juju's {@code unsatisfiedMachineAndUnitPlacements}: the placements of an existing application
   * that its existing units do not already satisfy, in order (all of them for a new application).
   */
  List<Placement> unsatisfiedPlacements(String application, List<Placement> placements) {
    if (application(application) == null) {
      return new ArrayList<>(placements);
    }
    List<Placement> result = new ArrayList<>();
    for (Placement placement : placements) {
      if (placement.isNewMachine()) {
        result.add(placement);
      } else if (placement.isMachineNumber()) {
        if (!machineHasApplication(placement.machine(), application, placement.containerType())) {
          result.add(placement);
        }
      } else if (placement.unit() < 0) {
        result.add(placement);
      } else {
        String machine = unitMachine(placement.application(), placement.unit());
        if (machine == null
            || !machineHasApplication(machine, application, placement.containerType())) {
          result.add(placement);
        }
      }
    }
    return result;
  }
}
