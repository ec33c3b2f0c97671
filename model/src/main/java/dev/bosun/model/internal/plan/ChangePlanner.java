package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.AddApplicationChange;
import dev.bosun.model.plan.AddCharmChange;
import dev.bosun.model.plan.AddMachineChange;
import dev.bosun.model.plan.AddRelationChange;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.Change;
import dev.bosun.model.plan.CharmUpgradeException;
import dev.bosun.model.plan.ConsumeOfferChange;
import dev.bosun.model.plan.ExposeChange;
import dev.bosun.model.plan.MachineMappingException;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.PlanException;
import dev.bosun.model.plan.PlanOptions;
import dev.bosun.model.plan.ScaleChange;
import dev.bosun.model.plan.SetAnnotationsChange;
import dev.bosun.model.plan.SetConstraintsChange;
import dev.bosun.model.plan.SetOptionsChange;
import dev.bosun.model.plan.UpgradeCharmChange;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.RelationSpec;
import dev.bosun.model.spec.SaasSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Juju's bundle change planner ({@code FromData} and the handlers of {@code
 * core/bundle/changes/handlers.go}), over Bosun's {@link ModelSpec} and {@link ModelState}.
 */
public final class ChangePlanner {
  private final ModelSpec bundle;
  private final ModelIndex model;
  private final PlanOptions options;
  private final ChangeSet changes = new ChangeSet();
  private final Map<String, List<Placement>> placements = new HashMap<>();
  private final Map<String, String> addedApplications = new HashMap<>();
  private final Map<String, AddMachineChange> addedMachines = new LinkedHashMap<>();

  private ChangePlanner(ModelSpec bundle, ModelState current, PlanOptions options) {
    this.bundle = bundle;
    this.model = new ModelIndex(current, machineMap(current, options));
    this.options = options;
  }

  /**
   * The bundle machines known before inference: those the model recorded (when the machine still
   * exists), overridden by explicit mappings.
   */
  private static Map<String, String> machineMap(ModelState current, PlanOptions options) {
    Map<String, String> map = new HashMap<>();
    current
        .bundleMachines()
        .forEach(
            (bundleMachine, machine) -> {
              if (current.machines().containsKey(machine)) {
                map.put(bundleMachine, machine);
              }
            });
    map.putAll(options.machineMap());
    return map;
  }

  /**
   * Plans the changes from {@code current} to {@code desired}.
   *
   * @throws PlanException when the model cannot be planned
   */
  public static Plan plan(ModelSpec desired, ModelState current, PlanOptions options) {
    return new ChangePlanner(desired, current, options).plan();
  }

  private Plan plan() {
    for (ApplicationSpec app : bundle.applications().values()) {
      placements.put(app.name(), normalisedPlacements(app));
    }
    MachineInference.infer(model, bundle, placements);
    handleApplications();
    if (!bundle.isKubernetes()) {
      handleMachines();
    }
    handleOffers();
    handleRelations();
    if (!bundle.isKubernetes()) {
      new UnitPlacer(bundle, model, changes, placements, addedApplications, addedMachines)
          .placeUnits();
      checkAllMachinesUsed();
    }
    return changes.sorted();
  }

  /**
   * The application's placements, where a bare {@code lxd} or {@code kvm} that names no application
   * of the bundle means a new container on a new machine.
   */
  private List<Placement> normalisedPlacements(ApplicationSpec app) {
    List<Placement> result = new ArrayList<>(app.to().size());
    for (Placement placement : app.to()) {
      if (placement.containerType() == null
          && placement.unit() < 0
          && placement.application() != null
          && ("lxd".equals(placement.application()) || "kvm".equals(placement.application()))
          && !bundle.applications().containsKey(placement.application())) {
        result.add(new Placement(placement.application(), "new", null, -1));
      } else {
        result.add(placement);
      }
    }
    return result;
  }

  // ---- applications ------------------------------------------------------------------------

  private void handleApplications() {
    List<String> names = new ArrayList<>(bundle.applications().keySet());
    names.sort(NaturalOrder.INSTANCE);
    Map<String, String> charms = new HashMap<>();
    for (String name : names) {
      ApplicationSpec app = bundle.applications().get(name);
      ApplicationState existing = model.application(name);
      String base = target(app.base(), app.series());
      String arch = app.constraints().arch() == null ? "" : app.constraints().arch();
      String channel = effectiveChannel(app.charm(), app.channel());
      int revision = app.revision() == null ? -1 : app.revision();
      String key =
          app.charm()
              + '\u0000'
              + arch
              + '\u0000'
              + base
              + '\u0000'
              + channel
              + '\u0000'
              + revision;
      if (!charms.containsKey(key)
          && !model.matchesCharm(app.charm(), arch, base, channel, revision)) {
        ChangeSet.Draft draft = changes.add("addCharm", List.of());
        draft.change =
            new AddCharmChange(
                draft.id,
                draft.explicitRequires,
                app.charm(),
                app.revision(),
                base,
                app.channel(),
                arch);
        charms.put(key, draft.id);
      }
      String charmChange = charms.get(key);
      String deployId = null;
      if (existing == null) {
        List<String> requires = charmChange == null ? List.of() : List.of(charmChange);
        ChangeSet.Draft draft = changes.add("deploy", requires);
        draft.change =
            new AddApplicationChange(
                draft.id,
                draft.explicitRequires,
                name,
                charmChange == null ? app.charm() : Change.placeholder(charmChange),
                app.charm(),
                app.revision(),
                app.channel(),
                base,
                bundle.isKubernetes() ? app.numUnits() : 0,
                app.options(),
                app.constraints(),
                app.storage(),
                app.devices(),
                app.bindings(),
                app.resources(),
                app.trust());
        deployId = draft.id;
        addedApplications.put(name, deployId);
        if (app.expose() || !app.exposedEndpoints().isEmpty()) {
          ChangeSet.Draft expose = changes.add("expose", List.of(deployId));
          expose.change =
              new ExposeChange(
                  expose.id,
                  expose.explicitRequires,
                  Change.placeholder(deployId),
                  name,
                  app.exposedEndpoints(),
                  false);
        }
      } else {
        handleExistingApplication(app, existing, base, charmChange);
      }
      Map<String, String> annotations = changedAnnotations(existing, app.annotations());
      if (!annotations.isEmpty()) {
        List<String> requires = deployId == null ? List.of() : List.of(deployId);
        ChangeSet.Draft draft = changes.add("setAnnotations", requires);
        draft.change =
            new SetAnnotationsChange(
                draft.id,
                draft.explicitRequires,
                deployId == null ? name : Change.placeholder(deployId),
                SetAnnotationsChange.EntityType.APPLICATION,
                name,
                annotations,
                name);
      }
    }
  }

  private void handleExistingApplication(
      ApplicationSpec app, ApplicationState existing, String base, String charmChange) {
    String name = app.name();
    if (allowCharmUpgrade(existing, app)) {
      ChangeSet.Draft draft = changes.add("upgradeCharm", List.of());
      draft.change =
          new UpgradeCharmChange(
              draft.id,
              draft.explicitRequires,
              name,
              charmChange == null ? app.charm() : Change.placeholder(charmChange),
              app.charm(),
              app.revision(),
              base,
              app.channel());
    }
    Map<String, Object> changedOptions = changedOptions(existing, app.options());
    if (!changedOptions.isEmpty()) {
      ChangeSet.Draft draft = changes.add("setOptions", List.of());
      draft.change = new SetOptionsChange(draft.id, draft.explicitRequires, name, changedOptions);
    }
    if (!existing.constraints().equals(app.constraints())) {
      ChangeSet.Draft draft = changes.add("setConstraints", List.of());
      draft.change =
          new SetConstraintsChange(draft.id, draft.explicitRequires, name, app.constraints());
    }
    // Juju exposes when needed but never unexposes.
    if ((app.expose() || !app.exposedEndpoints().isEmpty())
        && (!existing.exposed()
            || !sameExposeRules(existing.exposedEndpoints(), app.exposedEndpoints()))) {
      ChangeSet.Draft draft = changes.add("expose", List.of());
      draft.change =
          new ExposeChange(
              draft.id,
              draft.explicitRequires,
              name,
              name,
              app.exposedEndpoints(),
              existing.exposed());
    }
    if (bundle.isKubernetes() && existing.units().size() != app.numUnits()) {
      ChangeSet.Draft draft = changes.add("scale", List.of());
      draft.change = new ScaleChange(draft.id, draft.explicitRequires, name, app.numUnits());
    }
  }

  /**
   * Juju's {@code allowCharmUpgrade}: upgrade when the charm differs, or when the requested
   * revision is newer than the deployed one on the same channel.
   */
  private boolean allowCharmUpgrade(ApplicationState existing, ApplicationSpec app) {
    if (!existing.charm().equals(app.charm())) {
      return true;
    }
    if (existing.revision() == null || existing.revision() < 0) {
      return false;
    }
    int existingRevision = existing.revision();
    String existingChannel = existing.channel() == null ? "" : existing.channel();
    String requestedChannel = app.channel() == null ? "" : app.channel();
    if (existingChannel.isEmpty()) {
      if (requestedChannel.isEmpty()) {
        return false;
      }
      if (!options.force()) {
        throw CharmUpgradeException.unknownChannel(existing.name(), requestedChannel);
      }
      return true;
    }
    String resolvedChannel = effectiveChannel(app.charm(), app.channel());
    int resolvedRevision = app.revision() == null ? -1 : app.revision();
    if (!options.force() && !existingChannel.equals(resolvedChannel)) {
      throw CharmUpgradeException.acrossChannels(
          existing.name(), existingChannel, resolvedChannel, !requestedChannel.isEmpty());
    }
    if (resolvedRevision > existingRevision) {
      return true;
    }
    if (resolvedRevision != -1 && resolvedRevision < existingRevision) {
      throw CharmUpgradeException.downgrade(existing.name(), existingRevision, resolvedRevision);
    }
    return false;
  }

  /**
   * The channel charms are compared by: as requested, or {@code stable} for a store charm with no
   * channel (Juju assumes stable; local charms have no channel).
   */
  static String effectiveChannel(String charm, String channel) {
    if (channel != null && !channel.isEmpty()) {
      return channel;
    }
    return CharmRefs.isStore(charm) ? "stable" : "";
  }

  private String target(String base, String series) {
    if (base != null && !base.isEmpty() || series != null && !series.isEmpty()) {
      return Bases.canonical(base, series);
    }
    return Bases.canonical(bundle.defaultBase(), bundle.series());
  }

  static Map<String, String> changedAnnotations(
      ApplicationState existing, Map<String, String> wanted) {
    return changed(existing == null ? Map.of() : existing.annotations(), wanted);
  }

  static Map<String, String> changed(Map<String, String> current, Map<String, String> wanted) {
    if (current.isEmpty()) {
      return wanted;
    }
    Map<String, String> result = new TreeMap<>();
    wanted.forEach(
        (key, value) -> {
          if (!value.equals(current.get(key))) {
            result.put(key, value);
          }
        });
    return result;
  }

  static Map<String, Object> changedOptions(ApplicationState existing, Map<String, Object> wanted) {
    if (existing == null || existing.options().isEmpty()) {
      return wanted;
    }
    Map<String, Object> result = new TreeMap<>();
    wanted.forEach(
        (key, value) -> {
          if (!existing.options().containsKey(key)
              || !sameOption(existing.options().get(key), value)) {
            result.put(key, value);
          }
        });
    return result;
  }

  /** Option values compare as Juju compares them: numbers by value, whatever their type. */
  static boolean sameOption(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a != null && a.equals(b);
  }

  static boolean sameExposeRules(
      Map<String, ExposedEndpoint> current, Map<String, ExposedEndpoint> wanted) {
    if (current.size() != wanted.size()) {
      return false;
    }
    for (Map.Entry<String, ExposedEndpoint> entry : current.entrySet()) {
      ExposedEndpoint other = wanted.get(entry.getKey());
      if (other == null
          || !sorted(entry.getValue().exposeToSpaces()).equals(sorted(other.exposeToSpaces()))
          || !sorted(entry.getValue().exposeToCidrs()).equals(sorted(other.exposeToCidrs()))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  // ---- machines ----------------------------------------------------------------------------

  private void handleMachines() {
    List<String> ids = new ArrayList<>(bundle.machines().keySet());
    ids.sort(NaturalOrder.INSTANCE);
    for (String id : ids) {
      MachineSpec machine = bundle.machines().get(id);
      MachineState existing = model.bundleMachine(id);
      String entity;
      String entityName;
      String target;
      List<String> requires = new ArrayList<>();
      if (existing == null) {
        String machineId = model.nextMachine();
        ChangeSet.Draft draft = changes.addMachine(List.of());
        AddMachineChange change =
            new AddMachineChange(
                draft.id,
                changes.machineRequires(draft),
                machineId,
                null,
                null,
                null,
                id,
                false,
                machine.constraints(),
                target(machine.base(), machine.series()));
        draft.change = change;
        addedMachines.put(id, change);
        entity = Change.placeholder(draft.id);
        entityName = machineId;
        target = "new machine " + machineId;
        requires.add(draft.id);
      } else {
        entity = existing.id();
        entityName = existing.id();
        target = "existing machine " + existing.id();
      }
      Map<String, String> annotations =
          changed(existing == null ? Map.of() : existing.annotations(), machine.annotations());
      if (!annotations.isEmpty()) {
        ChangeSet.Draft draft = changes.add("setAnnotations", requires);
        draft.change =
            new SetAnnotationsChange(
                draft.id,
                draft.explicitRequires,
                entity,
                SetAnnotationsChange.EntityType.MACHINE,
                entityName,
                annotations,
                target);
      }
    }
  }

  // ---- offers ------------------------------------------------------------------------------

  private void handleOffers() {
    for (SaasSpec saas : bundle.saas().values()) {
      if (saas.url().equals(model.state().offers().get(saas.name()))) {
        continue;
      }
      ChangeSet.Draft draft = changes.add("consumeOffer", List.of());
      draft.change =
          new ConsumeOfferChange(draft.id, draft.explicitRequires, saas.url(), saas.name());
      addedApplications.put(saas.name(), draft.id);
    }
  }

  // ---- relations ---------------------------------------------------------------------------

  private void handleRelations() {
    for (RelationSpec relation : bundle.relations()) {
      EndpointRef first = relation.first();
      EndpointRef second = relation.second();
      if (model.hasRelation(first, second)) {
        continue;
      }
      List<String> requires = new ArrayList<>(2);
      String argument1 = relationArgument(relation, first, requires);
      String argument2 = relationArgument(relation, second, requires);
      ChangeSet.Draft draft = changes.add("addRelation", requires);
      draft.change =
          new AddRelationChange(
              draft.id, draft.explicitRequires, argument1, argument2, first, second);
    }
  }

  private String relationArgument(RelationSpec relation, EndpointRef side, List<String> requires) {
    String application = side.application();
    if (model.application(application) != null
        || model.state().offers().containsKey(application)
            && !addedApplications.containsKey(application)) {
      return side.toString();
    }
    String pending = addedApplications.get(application);
    if (pending == null) {
      throw new PlanException(
          "relation "
              + GoStrings.quote(relation.first() + " " + relation.second())
              + " refers to application "
              + GoStrings.quote(application)
              + " not defined in this bundle");
    }
    requires.add(pending);
    return Change.placeholder(pending) + (side.endpoint() == null ? "" : ":" + side.endpoint());
  }

  // ---- consistency -------------------------------------------------------------------------

  /**
   * Juju's {@code checkAllMachinesUsed}: a bundle machine the plan creates must host something,
   * else the bundle and the machine map disagree. As in Juju, a machine that a later machine change
   * requires (every machine but the last) counts as used.
   */
  private void checkAllMachinesUsed() {
    if (addedMachines.isEmpty()) {
      return;
    }
    Set<String> required = changes.explicitlyRequired();
    String lastMachine = changes.lastMachineId();
    List<String> bundleIds = new ArrayList<>(addedMachines.keySet());
    bundleIds.sort(NaturalOrder.INSTANCE);
    for (String bundleId : bundleIds) {
      AddMachineChange change = addedMachines.get(bundleId);
      if (required.contains(change.id()) || !change.id().equals(lastMachine)) {
        continue;
      }
      Set<String> targets = new HashSet<>(model.state().machines().keySet());
      for (String mapped : bundle.machines().keySet()) {
        String modelMachine = model.machineMap().get(mapped);
        if (modelMachine != null) {
          targets.remove(modelMachine);
        }
      }
      List<String> possible = new ArrayList<>(targets);
      possible.sort(NaturalOrder.INSTANCE);
      List<String> applications = new ArrayList<>();
      for (ApplicationSpec app : bundle.applications().values()) {
        for (Placement placement : app.to()) {
          if (placement.toString().equals(bundleId)) {
            applications.add(app.name());
          }
        }
      }
      applications.sort(NaturalOrder.INSTANCE);
      throw new MachineMappingException(bundleId, possible, applications);
    }
  }
}
