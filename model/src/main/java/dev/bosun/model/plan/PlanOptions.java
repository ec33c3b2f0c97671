package dev.bosun.model.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * Options of {@link Planner#plan(dev.bosun.model.spec.ModelSpec, ModelState, PlanOptions)}: Juju's
 * {@code --force} and {@code --map-machines}.
 *
 * @param force allow charm upgrades across channels or from an unknown channel ({@code --force})
 * @param machineMap bundle machine ids mapped to existing model machine ids ({@code --map-machines
 *     1=4,2=5}); machines not mapped are inferred from placement, as in Juju
 */
public record PlanOptions(boolean force, Map<String, String> machineMap) {

  /** No force, no explicit machine map. */
  public static final PlanOptions DEFAULT = new PlanOptions(false, Map.of());

  /** Copies the machine map. */
  public PlanOptions {
    machineMap = java.util.Collections.unmodifiableMap(new TreeMap<>(machineMap));
  }

  /** Returns these options with {@code force} set. */
  public PlanOptions withForce(boolean value) {
    return new PlanOptions(value, machineMap);
  }

  /** Returns these options with a bundle machine mapped to a model machine. */
  public PlanOptions withMachineMapping(String bundleMachine, String modelMachine) {
    Map<String, String> map = new TreeMap<>(machineMap);
    map.put(bundleMachine, modelMachine);
    return new PlanOptions(force, map);
  }
}
