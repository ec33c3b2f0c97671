package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.AddMachineChange;
import dev.bosun.model.plan.AddUnitChange;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.Change;
import dev.bosun.model.plan.PlacementCycleException;
import dev.bosun.model.plan.PlanException;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Juju's {@code unitProcessor}: adds the missing units of every application, then places them,
 * application by application once the applications they are placed next to are placed, creating the
 * machines and containers the placement directives ask for.
 */
final class UnitPlacer {

  /** A unit change whose placement is filled in once its application is placed. */
  private static final class UnitDraft {
    final ChangeSet.Draft draft;
    final String application;
    final String applicationName;
    final String unitName;
    Placed placement;

    UnitDraft(ChangeSet.Draft draft, String application, String applicationName, String unitName) {
      this.draft = draft;
      this.application = application;
      this.applicationName = applicationName;
      this.unitName = unitName;
    }
  }

  /**
   * Where a unit goes (Juju's {@code unitPlacement}), plus the machine it lands on.
   *
   * @param target the placement argument: empty, a machine ({@code 3}, {@code lxd:3}) or a
   *     placeholder
   * @param baseMachine the top-level machine
   * @param requires the changes that create the target
   * @param description the placement description, or empty for {@code new machine <base>}
   * @param directive the directive that placed the unit next to another, or empty
   * @param machine the machine or container the unit lands on
   */
  private record Placed(
      String target,
      String baseMachine,
      List<String> requires,
      String description,
      String directive,
      String machine) {

    Placed withDirective(String text) {
      return new Placed(target, baseMachine, requires, description, text, machine);
    }
  }

  private final ModelSpec bundle;
  private final ModelIndex model;
  private final ChangeSet changes;
  private final Map<String, List<Placement>> placements;
  private final Map<String, String> addedApplications;
  private final Map<String, AddMachineChange> addedMachines;
  private final Map<String, List<UnitDraft>> unitsByApplication = new HashMap<>();
  private final Map<String, ArrayDeque<String>> existingMachinesWithoutApp = new HashMap<>();
  private final Map<String, ArrayDeque<UnitDraft>> newUnitsWithoutApp = new HashMap<>();

  UnitPlacer(
      ModelSpec bundle,
      ModelIndex model,
      ChangeSet changes,
      Map<String, List<Placement>> placements,
      Map<String, String> addedApplications,
      Map<String, AddMachineChange> addedMachines) {
    this.bundle = bundle;
    this.model = model;
    this.changes = changes;
    this.placements = placements;
    this.addedApplications = addedApplications;
    this.addedMachines = addedMachines;
  }

  void placeUnits() {
    List<String> names = new ArrayList<>(bundle.applications().keySet());
    names.sort(NaturalOrder.INSTANCE);
    List<UnitDraft> all = new ArrayList<>();
    for (String name : names) {
      ApplicationSpec app = bundle.applications().get(name);
      ApplicationState existing = model.application(name);
      int existingCount = existing == null ? 0 : existing.units().size();
      List<UnitDraft> drafts = new ArrayList<>();
      for (int i = existingCount; i < app.numUnits(); i++) {
        String application = name;
        List<String> requires = List.of();
        if (existing == null) {
          String deploy = addedApplications.get(name);
          requires = List.of(deploy);
          application = Change.placeholder(deploy);
        }
        UnitDraft unit =
            new UnitDraft(
                changes.add("addUnit", requires), application, name, model.nextUnit(name));
        drafts.add(unit);
        all.add(unit);
      }
      unitsByApplication.put(name, drafts);
    }
    for (String name : placementOrder()) {
      placeUnitsOf(name, bundle.applications().get(name));
    }
    for (UnitDraft unit : all) {
      Placed placed = unit.placement;
      unit.draft.change =
          new AddUnitChange(
              unit.draft.id,
              unit.draft.explicitRequires,
              unit.application,
              unit.applicationName,
              unit.unitName,
              placed.target(),
              placed.machine(),
              placed.baseMachine(),
              placed.description(),
              placed.directive());
    }
  }

  /**
   * The order Juju places applications in: passes over the names in string order, each placing the
   * applications whose placement targets are already placed. Computed directly: an application's
   * pass is the largest, over its targets, of the target's pass, plus one when the target sorts
   * after it.
   *
   * @throws PlacementCycleException when some applications can never be placed
   */
  private List<String> placementOrder() {
    List<String> names = new ArrayList<>(new TreeSet<>(bundle.applications().keySet()));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      position.put(names.get(i), i);
    }
    List<List<Integer>> dependencies = new ArrayList<>(names.size());
    for (String name : names) {
      dependencies.add(dependencies(name, position));
    }
    int[] pass = new int[names.size()];
    byte[] state = new byte[names.size()]; // 0 new, 1 visiting, 2 placed, 3 never placeable
    for (int i = 0; i < names.size(); i++) {
      resolve(i, dependencies, pass, state);
    }
    List<String> stuck = new ArrayList<>();
    List<Integer> placeable = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (state[i] == 3) {
        stuck.add(names.get(i));
      } else {
        placeable.add(i);
      }
    }
    if (!stuck.isEmpty()) {
      throw new PlacementCycleException(stuck);
    }
    placeable.sort((a, b) -> pass[a] != pass[b] ? Integer.compare(pass[a], pass[b]) : a - b);
    List<String> order = new ArrayList<>(placeable.size());
    placeable.forEach(i -> order.add(names.get(i)));
    return order;
  }

  private static void resolve(
      int start, List<List<Integer>> allDependencies, int[] pass, byte[] state) {
    if (state[start] != 0) {
      return;
    }
    ArrayDeque<int[]> stack = new ArrayDeque<>();
    stack.push(new int[] {start, 0});
    state[start] = 1;
    while (!stack.isEmpty()) {
      int[] frame = stack.peek();
      int app = frame[0];
      List<Integer> dependencies = allDependencies.get(app);
      if (dependencies == null) {
        state[app] = 3;
        stack.pop();
        continue;
      }
      if (frame[1] < dependencies.size()) {
        int dependency = dependencies.get(frame[1]++);
        if (state[dependency] == 0) {
          state[dependency] = 1;
          stack.push(new int[] {dependency, 0});
        } else if (state[dependency] == 1) {
          state[dependency] = 3; // a cycle: every application on it is stuck
          markStuck(stack, dependency, state);
        }
        continue;
      }
      int p = 0;
      boolean stuck = false;
      for (int dependency : dependencies) {
        if (state[dependency] == 3) {
          stuck = true;
          break;
        }
        p = Math.max(p, pass[dependency] + (dependency > app ? 1 : 0));
      }
      if (state[app] != 3) {
        state[app] = stuck ? (byte) 3 : (byte) 2;
      }
      pass[app] = p;
      stack.pop();
    }
  }

  private static void markStuck(ArrayDeque<int[]> stack, int cycleStart, byte[] state) {
    for (int[] frame : stack) {
      state[frame[0]] = 3;
      if (frame[0] == cycleStart) {
        return;
      }
    }
  }

  /** The positions of the applications placed next to, or null when one is not in the bundle. */
  private List<Integer> dependencies(String name, Map<String, Integer> position) {
    Set<String> targets = new LinkedHashSet<>();
    for (Placement placement : placements.get(name)) {
      if (placement.application() != null) {
        targets.add(placement.application());
      }
    }
    List<Integer> result = new ArrayList<>(targets.size());
    for (String target : targets) {
      Integer index = position.get(target);
      if (index == null) {
        return null;
      }
      result.add(index);
    }
    return result;
  }

  // ---- placing one application ---------------------------------------------------------------

  private void placeUnitsOf(String name, ApplicationSpec app) {
    List<Placement> directives = placements.get(name);
    Placement last = null;
    if (!directives.isEmpty()) {
      Placement candidate = directives.get(directives.size() - 1);
      // Only a new machine, or an application without a unit number, is repeated.
      if (candidate.isNewMachine() || candidate.application() != null && candidate.unit() < 0) {
        last = candidate;
      }
    }
    ArrayDeque<Placement> unsatisfied =
        new ArrayDeque<>(model.unsatisfiedPlacements(name, directives));
    String previous = null;
    for (UnitDraft unit : unitsByApplication.get(name)) {
      Placement directive = unsatisfied.isEmpty() ? last : unsatisfied.poll();
      Placed placed = placementForNewUnit(name, app, directive);
      unit.placement = placed;
      unit.draft.explicitRequires.addAll(placed.requires());
      if (previous != null) {
        unit.draft.explicitRequires.add(previous);
      }
      previous = unit.draft.id;
    }
  }

  private Placed placementForNewUnit(String name, ApplicationSpec app, Placement directive) {
    if (directive == null) {
      String machine = model.nextMachine();
      return new Placed("", machine, List.of(), "", "", machine);
    }
    if (directive.isNewMachine()) {
      return addNewMachine(app, directive.containerType());
    }
    if (directive.isMachineNumber()) {
      return definedMachineForUnit(app, directive);
    }
    if (directive.unit() >= 0) {
      return definedUnitForUnit(app, directive);
    }
    return definedApplicationForUnit(name, app, directive);
  }

  private Placed existingMachinePlacement(String machineId, String containerType) {
    if (containerType == null) {
      return new Placed(
          machineId, machineId, List.of(), "existing machine " + machineId, "", machineId);
    }
    String container = model.nextContainer(machineId, containerType);
    return new Placed(
        containerType + ":" + machineId, machineId, List.of(), container, "", container);
  }

  private Placed definedMachineForUnit(ApplicationSpec app, Placement directive) {
    var existing = model.bundleMachine(directive.machine());
    if (existing != null) {
      return existingMachinePlacement(existing.id(), directive.containerType());
    }
    AddMachineChange change = addedMachines.get(directive.machine());
    if (change == null) {
      throw new PlanException(
          "placement "
              + GoStrings.quote(directive.toString())
              + " refers to a machine not defined in this bundle");
    }
    Placed placed =
        new Placed(
            Change.placeholder(change.id()),
            change.machineId(),
            List.of(change.id()),
            "new machine " + change.machineId(),
            "",
            change.machineId());
    return directive.containerType() == null
        ? placed
        : addContainer(placed, app, directive.containerType());
  }

  private Placed definedUnitForUnit(ApplicationSpec app, Placement directive) {
    String text = directive.toString();
    String machine = model.unitMachine(directive.application(), directive.unit());
    if (machine != null) {
      return existingMachinePlacement(machine, directive.containerType()).withDirective(text);
    }
    UnitDraft other = newUnit(directive.application(), directive.unit());
    if (other == null) {
      return addNewMachine(app, directive.containerType());
    }
    return placementNextTo(other, app, directive.containerType()).withDirective(text);
  }

  private UnitDraft newUnit(String application, int number) {
    List<UnitDraft> drafts = unitsByApplication.get(application);
    ApplicationState existing = model.application(application);
    int index = number - (existing == null ? 0 : existing.units().size());
    if (drafts == null || index < 0 || index >= drafts.size()) {
      return null;
    }
    return drafts.get(index);
  }

  private Placed definedApplicationForUnit(String name, ApplicationSpec app, Placement directive) {
    String text = directive.toString();
    String key = name + "/" + directive.application();
    ArrayDeque<String> machines =
        existingMachinesWithoutApp.computeIfAbsent(
            key,
            k ->
                new ArrayDeque<>(
                    model.unitMachinesWithoutApplication(
                        directive.application(), name, directive.containerType())));
    if (!machines.isEmpty()) {
      return existingMachinePlacement(machines.poll(), directive.containerType())
          .withDirective(text);
    }
    ArrayDeque<UnitDraft> units =
        newUnitsWithoutApp.computeIfAbsent(
            key,
            k ->
                new ArrayDeque<>(
                    unitsByApplication.getOrDefault(directive.application(), List.of())));
    if (!units.isEmpty()) {
      return placementNextTo(units.poll(), app, directive.containerType()).withDirective(text);
    }
    String machine = model.nextMachine();
    return new Placed("", machine, List.of(), "", "", machine);
  }

  /** On the machine of another new unit, or in a new container beside it. */
  private Placed placementNextTo(UnitDraft other, ApplicationSpec app, String containerType) {
    Placed placed =
        new Placed(
            Change.placeholder(other.draft.id),
            other.placement.baseMachine(),
            List.of(other.draft.id),
            other.placement.description(),
            "",
            other.placement.machine());
    return containerType == null ? placed : addContainer(placed, app, containerType);
  }

  private Placed addNewMachine(ApplicationSpec app, String containerType) {
    String machineId = model.nextMachine();
    String container = containerType == null ? null : model.nextContainer(machineId, containerType);
    ChangeSet.Draft draft = changes.addMachine(List.of());
    draft.change =
        new AddMachineChange(
            draft.id,
            changes.machineRequires(draft),
            machineId,
            containerType,
            null,
            container,
            null,
            false,
            constraintsWithBindings(app),
            target(app));
    return new Placed(
        Change.placeholder(draft.id),
        machineId,
        List.of(draft.id),
        container == null ? "new machine " + machineId : container,
        "",
        container == null ? machineId : container);
  }

  private Placed addContainer(Placed host, ApplicationSpec app, String containerType) {
    String container = model.nextContainer(host.baseMachine(), containerType);
    ChangeSet.Draft draft = changes.addMachine(host.requires());
    draft.change =
        new AddMachineChange(
            draft.id,
            changes.machineRequires(draft),
            host.baseMachine(),
            containerType,
            host.target(),
            container,
            null,
            model.hasMachine(host.baseMachine()),
            constraintsWithBindings(app),
            target(app));
    return new Placed(
        Change.placeholder(draft.id),
        host.baseMachine(),
        List.of(draft.id),
        container,
        "",
        container);
  }

  private String target(ApplicationSpec app) {
    if (app.base() != null && !app.base().isEmpty()
        || app.series() != null && !app.series().isEmpty()) {
      return Bases.canonical(app.base(), app.series());
    }
    return Bases.canonical(bundle.defaultBase(), bundle.series());
  }

  /**
   * Juju's {@code fixupConstraintsWithBindings}: the application's constraints with the spaces its
   * endpoints are bound to added to the {@code spaces} constraint.
   *
   * @throws PlanException {@code space "x" is required but it's forbidden by constraint}
   */
  private static Constraints constraintsWithBindings(ApplicationSpec app) {
    Constraints constraints = app.constraints();
    Set<String> positive = new LinkedHashSet<>(app.bindings().values());
    if (positive.isEmpty()) {
      return constraints;
    }
    Set<String> negative = new LinkedHashSet<>();
    for (String space : constraints.spaces() == null ? List.<String>of() : constraints.spaces()) {
      if (space.startsWith("^")) {
        String name = space.substring(1);
        negative.add(name);
        if (positive.contains(name)) {
          throw new PlanException(
              "space " + GoStrings.quote(name) + " is required but it's forbidden by constraint");
        }
      } else {
        positive.add(space);
      }
    }
    List<String> spaces = new ArrayList<>(positive);
    negative.forEach(name -> spaces.add("^" + name));
    spaces.sort(NaturalOrder.INSTANCE);
    return new Constraints(
        constraints.arch(),
        constraints.container(),
        constraints.cores(),
        constraints.cpuPower(),
        constraints.nestedVirtualization(),
        constraints.instanceRole(),
        constraints.instanceType(),
        constraints.mem(),
        constraints.rootDisk(),
        constraints.rootDiskSource(),
        constraints.tags(),
        spaces,
        constraints.virtType(),
        constraints.zones(),
        constraints.allocatePublicIp(),
        constraints.imageId());
  }
}
