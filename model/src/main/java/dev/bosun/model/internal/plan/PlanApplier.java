package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.AddApplicationChange;
import dev.bosun.model.plan.AddMachineChange;
import dev.bosun.model.plan.AddRelationChange;
import dev.bosun.model.plan.AddUnitChange;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.Change;
import dev.bosun.model.plan.ConsumeOfferChange;
import dev.bosun.model.plan.ExposeChange;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.PlanException;
import dev.bosun.model.plan.RelationState;
import dev.bosun.model.plan.ScaleChange;
import dev.bosun.model.plan.SetAnnotationsChange;
import dev.bosun.model.plan.SetConstraintsChange;
import dev.bosun.model.plan.SetOptionsChange;
import dev.bosun.model.plan.UpgradeCharmChange;
import dev.bosun.model.spec.Constraints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Simulates applying a plan to a state ({@link ModelState#apply(Plan)}): every change does to the
 * state what Juju's bundle handler does to a model, using the ids the plan predicted.
 */
public final class PlanApplier {
  private final ModelState.Builder result;
  private final Map<String, ApplicationState.Builder> applications = new TreeMap<>();
  private final Map<String, MachineState> machines = new HashMap<>();
  private final List<RelationState> relations = new ArrayList<>();
  private final Map<String, Integer> unitSequences = new HashMap<>();
  private final ModelState start;

  private PlanApplier(ModelState start) {
    this.start = start;
    this.result = start.toBuilder();
    start.applications().forEach((name, app) -> applications.put(name, app.toBuilder()));
    machines.putAll(start.machines());
  }

  /**
   * Returns the state after the plan.
   *
   * @throws PlanException when a change refers to an application the state lacks
   */
  public static ModelState apply(ModelState state, Plan plan) {
    PlanApplier applier = new PlanApplier(state);
    for (Change change : plan.changes()) {
      applier.apply(change);
    }
    return applier.build();
  }

  private ModelState build() {
    applications.forEach((name, app) -> result.application(app.build()));
    machines.values().forEach(result::machine);
    relations.forEach(result::relation);
    unitSequences.forEach(result::sequence);
    return result.build();
  }

  private void apply(Change change) {
    if (change instanceof AddApplicationChange deploy) {
      deploy(deploy);
    } else if (change instanceof UpgradeCharmChange upgrade) {
      application(upgrade.application())
          .charm(upgrade.charmReference())
          .revision(upgrade.revision())
          .channel(channel(upgrade.charmReference(), upgrade.channel()));
    } else if (change instanceof ExposeChange expose) {
      application(expose.applicationName())
          .exposed(true)
          .exposedEndpoints(expose.exposedEndpoints());
    } else if (change instanceof SetAnnotationsChange annotations) {
      setAnnotations(annotations);
    } else if (change instanceof SetOptionsChange options) {
      application(options.application()).options(options.options());
    } else if (change instanceof SetConstraintsChange constraints) {
      application(constraints.application()).constraints(constraints.constraints());
    } else if (change instanceof AddMachineChange machine) {
      addMachine(machine);
    } else if (change instanceof AddUnitChange unit) {
      String machine = unit.machine().isEmpty() ? null : unit.machine();
      if (machine != null) {
        ensureMachine(machine, Constraints.NONE, null);
      }
      application(unit.applicationName()).unit(unit.unitName(), machine);
    } else if (change instanceof AddRelationChange relation) {
      relations.add(
          new RelationState(relation.applicationEndpoint1(), relation.applicationEndpoint2()));
    } else if (change instanceof ScaleChange scale) {
      scale(scale);
    } else if (change instanceof ConsumeOfferChange offer) {
      result.offer(offer.applicationName(), offer.url());
    }
    // AddCharmChange makes a charm available; the state does not track charms on their own.
  }

  private void deploy(AddApplicationChange deploy) {
    if (applications.containsKey(deploy.application())) {
      throw new PlanException(
          "cannot deploy application "
              + GoStrings.quote(deploy.application())
              + ": application already exists");
    }
    ApplicationState.Builder app =
        ApplicationState.builder(deploy.application())
            .charm(deploy.charmReference())
            .revision(deploy.revision())
            .channel(channel(deploy.charmReference(), deploy.channel()))
            .options(deploy.options())
            .constraints(deploy.constraints())
            .trust(deploy.trust());
    setTarget(deploy.base(), app::base, app::series);
    applications.put(deploy.application(), app);
    for (int i = 0; i < deploy.numUnits(); i++) {
      app.unit(nextUnit(deploy.application()), null);
    }
  }

  private void setAnnotations(SetAnnotationsChange change) {
    if (change.entityType() == SetAnnotationsChange.EntityType.APPLICATION) {
      application(change.entityName()).annotations(change.annotations());
      return;
    }
    MachineState machine = ensureMachine(change.entityName(), Constraints.NONE, null);
    Map<String, String> annotations = new TreeMap<>(machine.annotations());
    annotations.putAll(change.annotations());
    machines.put(machine.id(), machine.withAnnotations(annotations));
  }

  private void addMachine(AddMachineChange change) {
    if (change.containerType() == null) {
      ensureMachine(change.machineId(), change.constraints(), change.base());
      if (change.bundleMachineId() != null) {
        result.bundleMachine(change.bundleMachineId(), change.machineId());
      }
    } else {
      ensureMachine(change.machineId(), Constraints.NONE, null);
      ensureMachine(change.containerId(), change.constraints(), change.base());
    }
  }

  /** The machine of that id, created (with its hosts) when it does not exist. */
  private MachineState ensureMachine(String id, Constraints constraints, String target) {
    MachineState machine = machines.get(id);
    if (machine != null) {
      return machine;
    }
    MachineState.Builder builder = MachineState.builder(id).constraints(constraints);
    setTarget(target, builder::base, builder::series);
    machine = builder.build();
    if (machine.parentId() != null) {
      ensureMachine(machine.parentId(), Constraints.NONE, null);
    }
    machines.put(id, machine);
    return machine;
  }

  private void scale(ScaleChange scale) {
    ApplicationState.Builder app = application(scale.application());
    List<String> units = new ArrayList<>(app.build().units().keySet());
    for (int i = units.size(); i < scale.scale(); i++) {
      app.unit(nextUnit(scale.application()), null);
    }
    for (int i = units.size() - 1; i >= scale.scale(); i--) {
      app.removeUnit(units.get(i));
    }
  }

  private String nextUnit(String application) {
    String key = ModelState.unitSequence(application);
    int next = unitSequences.getOrDefault(key, start.nextUnitNumber(application));
    unitSequences.put(key, next + 1);
    return application + "/" + next;
  }

  private ApplicationState.Builder application(String name) {
    ApplicationState.Builder app = applications.get(name);
    if (app == null) {
      throw new PlanException("application " + GoStrings.quote(name) + " not found in the model");
    }
    return app;
  }

  private static String channel(String charm, String channel) {
    String effective = ChangePlanner.effectiveChannel(charm, channel);
    return effective.isEmpty() ? null : effective;
  }

  private static void setTarget(
      String target,
      java.util.function.Consumer<String> base,
      java.util.function.Consumer<String> series) {
    if (target == null || target.isEmpty()) {
      return;
    }
    if (Bases.isBase(target)) {
      base.accept(target);
    } else {
      series.accept(target);
    }
  }
}
