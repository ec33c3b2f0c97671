package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Juju's {@code InferMachineMap}: maps the bundle's machines to machines of the model, so that
 * deploying a bundle again finds the machines it created. A bundle machine maps to a model machine
 * of the same id that already hosts the application placed on it, else to the machine of the first
 * unused unit of an application placed on it. Explicit mappings ({@code --map-machines}) win.
 *
 * <p>One deliberate difference: where Juju only considers an application's first unused unit and
 * gives up on the application when that unit sits on a machine already mapped, Bosun takes the
 * first unused unit that does not (Juju's rule makes a redeploy after a scale-up report an
 * inconsistent machine map).
 */
final class MachineInference {
  private MachineInference() {}

  /**
   * Adds the inferred mappings to the index's machine map.
   *
   * @param placements each application's placement directives, normalised
   */
  static void infer(ModelIndex index, ModelSpec bundle, Map<String, List<Placement>> placements) {
    Map<String, String> machineMap = index.machineMap();
    Set<String> initialMachines = new HashSet<>(machineMap.values());
    Map<String, List<Map.Entry<String, String>>> appUnits = new HashMap<>();
    for (ApplicationState app : index.state().applications().values()) {
      List<Map.Entry<String, String>> units = new ArrayList<>();
      for (Map.Entry<String, String> unit : app.units().entrySet()) {
        if (unit.getValue() != null
            && !initialMachines.contains(MachineState.topLevel(unit.getValue()))) {
          units.add(Map.entry(unit.getKey(), unit.getValue()));
        }
      }
      appUnits.put(app.name(), units);
    }

    // First pass: placements that a unit already satisfies on the machine of the same id.
    Map<String, Set<String>> unusedByApplication = new TreeMap<>();
    for (Map.Entry<String, ApplicationSpec> entry : bundle.applications().entrySet()) {
      String name = entry.getKey();
      List<Placement> unused = new ArrayList<>();
      for (Placement placement : placements.get(name)) {
        unused.add(placement);
        if (placement.machine() == null || machineMap.containsKey(placement.machine())) {
          continue;
        }
        String unit = index.unitOnMachine(placement.machine(), name, placement.containerType());
        if (unit != null) {
          machineMap.put(placement.machine(), placement.machine());
          initialMachines.add(placement.machine());
          List<Map.Entry<String, String>> units = appUnits.get(name);
          if (units != null) {
            units.removeIf(u -> u.getKey().equals(unit));
          }
          unused.remove(unused.size() - 1);
        }
      }
      // Juju sorts the unused placements; only which machines they name matters here.
      Set<String> targets = new LinkedHashSet<>();
      for (Placement placement : unused) {
        if (placement.isMachineNumber()) {
          targets.add(placement.machine());
        }
      }
      unusedByApplication.put(name, targets);
    }

    // Second pass: each bundle machine takes the machine of the first unused unit of the first
    // application (by name) placed on it.
    Map<String, List<String>> applicationsByTarget = new HashMap<>();
    for (Map.Entry<String, Set<String>> entry : unusedByApplication.entrySet()) {
      for (String target : entry.getValue()) {
        applicationsByTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(entry.getKey());
      }
    }
    List<String> ids = new ArrayList<>(bundle.machines().keySet());
    ids.sort(NaturalOrder.INSTANCE);
    for (String id : ids) {
      if (machineMap.containsKey(id)) {
        continue;
      }
      for (String application : applicationsByTarget.getOrDefault(id, List.of())) {
        List<Map.Entry<String, String>> deployed = appUnits.get(application);
        if (deployed == null) {
          continue;
        }
        // Juju looks at the first unused unit only, and gives up on the application when that
        // unit is on a machine already mapped; Bosun takes the first unused unit that is not, so
        // that deploying a bundle again after scaling it up still finds its machines.
        int chosen = -1;
        for (int i = 0; i < deployed.size() && chosen < 0; i++) {
          if (!initialMachines.contains(MachineState.topLevel(deployed.get(i).getValue()))) {
            chosen = i;
          }
        }
        if (chosen < 0) {
          continue;
        }
        machineMap.put(id, MachineState.topLevel(deployed.get(chosen).getValue()));
        deployed.remove(chosen);
        break;
      }
    }
  }
}
