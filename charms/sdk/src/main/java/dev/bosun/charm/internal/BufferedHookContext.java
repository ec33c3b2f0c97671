package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.ActionContext;
import dev.bosun.charm.ApplicationSecrets;
import dev.bosun.charm.CharmConfig;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Ports;
import dev.bosun.charm.Relation;
import dev.bosun.charm.StatusControl;
import dev.bosun.charm.Templates;
import dev.bosun.charm.TooManyRelationsException;
import dev.bosun.charm.UnitState;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.RelationEvent;
import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.relation.InterfaceEndpoint;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.charm.spi.ActionInvocation;
import dev.bosun.charm.spi.HookBackend;
import dev.bosun.charm.spi.HookChanges;
import dev.bosun.charm.spi.RelationChanges;
import dev.bosun.charm.spi.RelationView;
import dev.bosun.charm.spi.UnitIdentity;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HookContext} of one hook over a {@link HookBackend}: reads go to the backend's
 * committed view with the hook's own writes on top; writes are buffered and collected by {@link
 * #changes()}. Every part is made on first use, so a hook pays only for what it touches.
 */
final class BufferedHookContext implements HookContext {
  private final HookBackend backend;
  private final HookScope scope;
  private final HookEvent event;
  private final UnitIdentity unit;
  private final CharmDefinition charm;
  private final CharmMeta meta;
  private final boolean leader;

  private TypedCharmConfig config;
  private BufferedUnitState state;
  private BufferedStatus status;
  private BufferedPorts ports;
  private BufferedAction action;
  private BufferedSecrets secrets;
  private dev.bosun.charm.GoalState goalState;
  private Logger logger;
  private Map<Integer, BufferedRelation> relationsById;
  private final Map<String, List<Relation>> liveByEndpoint = new HashMap<>();

  BufferedHookContext(HookBackend backend, HookScope scope) {
    this.backend = backend;
    this.scope = scope;
    this.event = requireNonNull(backend.event(), "backend.event()");
    this.unit = requireNonNull(backend.unit(), "backend.unit()");
    this.charm = requireNonNull(backend.charm(), "backend.charm()");
    this.meta = charm.meta();
    this.leader = backend.isLeader();
  }

  @Override
  public HookEvent event() {
    return event;
  }

  @Override
  public String unitName() {
    return unit.unitName();
  }

  @Override
  public String applicationName() {
    return unit.applicationName();
  }

  @Override
  public int unitNumber() {
    return unit.number();
  }

  @Override
  public boolean isLeader() {
    scope.ensureOpen();
    return leader;
  }

  @Override
  public CharmConfig config() {
    scope.ensureOpen();
    if (config == null) {
      config = new TypedCharmConfig(meta, backend.configValues());
    }
    return config;
  }

  @Override
  public UnitState state() {
    scope.ensureOpen();
    if (state == null) {
      state = new BufferedUnitState(scope, backend.unitState());
    }
    return state;
  }

  @Override
  public List<Relation> relations(String endpoint) {
    requireNonNull(endpoint, "endpoint");
    scope.ensureOpen();
    List<Relation> live = liveByEndpoint.get(endpoint);
    if (live == null) {
      declaredEndpoint(endpoint);
      List<Relation> found = new ArrayList<>();
      for (BufferedRelation relation : relationsById().values()) {
        if (relation.endpoint().equals(endpoint) && !relation.view().isBroken()) {
          found.add(relation);
        }
      }
      live = Collections.unmodifiableList(found);
      liveByEndpoint.put(endpoint, live);
    }
    return live;
  }

  @Override
  public Optional<Relation> relation(String endpoint) {
    List<Relation> live = relations(endpoint);
    if (live.size() > 1) {
      throw new TooManyRelationsException(endpoint, live.size());
    }
    return live.isEmpty() ? Optional.empty() : Optional.of(live.get(0));
  }

  @Override
  public Relation relation(RelationEvent relationEvent) {
    requireNonNull(relationEvent, "event");
    return relation(relationEvent.relationId());
  }

  @Override
  public Relation relation(int relationId) {
    scope.ensureOpen();
    BufferedRelation relation = relationsById().get(relationId);
    if (relation == null) {
      throw new NoSuchElementException(
          unit.unitName()
              + " is not in relation "
              + relationId
              + "; its relations are "
              + relationsById().values().stream()
                  .map(BufferedRelation::describe)
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    return relation;
  }

  @Override
  public <L, R> List<TypedRelation<L, R>> relations(String endpoint, InterfaceEndpoint<L, R> type) {
    requireNonNull(type, "type");
    Endpoint declared = declaredEndpoint(endpoint);
    if (!declared.interfaceName().equals(type.interfaceName()) || declared.role() != type.role()) {
      throw new IllegalArgumentException(
          "endpoint \""
              + endpoint
              + "\" of charm \""
              + meta.name()
              + "\" is the "
              + declared.role()
              + " side of interface \""
              + declared.interfaceName()
              + "\", but the typed view asked for is the "
              + type.role()
              + " side of interface \""
              + type.interfaceName()
              + "\"");
    }
    List<Relation> live = relations(endpoint);
    List<TypedRelation<L, R>> typed = new ArrayList<>(live.size());
    for (Relation relation : live) {
      typed.add(new TypedRelationView<>(relation, type, scope));
    }
    return Collections.unmodifiableList(typed);
  }

  @Override
  public StatusControl status() {
    scope.ensureOpen();
    if (status == null) {
      status = new BufferedStatus(scope, backend.unitStatus(), leader);
    }
    return status;
  }

  @Override
  public Templates templates() {
    scope.ensureOpen();
    return charm.templates();
  }

  @Override
  public ActionContext action() {
    scope.ensureOpen();
    if (action == null) {
      if (!(event instanceof ActionEvent actionEvent)) {
        throw new IllegalStateException(
            "ctx.action() is only available while running an action; this hook is \""
                + event.hookName()
                + "\"");
      }
      Map<String, Object> parameters =
          backend.action().map(ActionInvocation::parameters).orElse(actionEvent.parameters());
      action = new BufferedAction(scope, actionEvent.name(), parameters);
    }
    return action;
  }

  @Override
  public Ports ports() {
    scope.ensureOpen();
    if (ports == null) {
      ports = new BufferedPorts(scope, backend.openedPorts());
    }
    return ports;
  }

  @Override
  public Machine machine() {
    scope.ensureOpen();
    return backend.machine();
  }

  @Override
  public Optional<Path> resource(String name) {
    requireNonNull(name, "name");
    scope.ensureOpen();
    if (!meta.resources().containsKey(name)) {
      throw new IllegalArgumentException(
          "charm \""
              + meta.name()
              + "\" declares no resource \""
              + name
              + "\"; "
              + (meta.resources().isEmpty()
                  ? "it declares no resources"
                  : "its resources are " + String.join(", ", meta.resources().keySet())));
    }
    return backend.resource(name);
  }

  @Override
  public Logger log() {
    if (logger == null) {
      logger =
          UnitLogger.forHook(
              LoggerFactory.getLogger("bosun.unit." + unit.applicationName()),
              unit.unitName(),
              event.hookName());
    }
    return logger;
  }

  @Override
  public dev.bosun.charm.GoalState goalState() {
    scope.ensureOpen();
    if (goalState == null) {
      goalState = requireNonNull(backend.goalState(), "backend.goalState()");
    }
    return goalState;
  }

  @Override
  public ApplicationSecrets secrets() {
    scope.ensureOpen();
    if (secrets == null) {
      secrets = new BufferedSecrets(scope, backend, unit.unitName(), leader);
    }
    return secrets;
  }

  /** Returns everything the hook wrote, as changes against the committed state. */
  HookChanges changes() {
    Map<Integer, RelationChanges> relationChanges = Map.of();
    if (relationsById != null) {
      Map<Integer, RelationChanges> changed = new LinkedHashMap<>();
      for (BufferedRelation relation : relationsById.values()) {
        RelationChanges change = relation.changes();
        if (change != null) {
          changed.put(relation.id(), change);
        }
      }
      if (!changed.isEmpty()) {
        relationChanges = Collections.unmodifiableMap(changed);
      }
    }
    return new HookChanges(
        relationChanges,
        state == null ? Map.of() : state.changes(),
        status == null ? null : status.unitChange(),
        status == null ? null : status.applicationChange(),
        ports == null ? Set.of() : ports.openedChanges(),
        ports == null ? Set.of() : ports.closedChanges(),
        action == null ? Map.of() : action.results(),
        action == null ? List.of() : action.logMessages(),
        action == null ? null : action.failure(),
        secrets == null ? Map.of() : secrets.changes());
  }

  /**
   * Returns what survives a failed hook: the action's log and failure, never data. An action that
   * threw without calling {@code fail} fails with the exception's message.
   */
  HookChanges failureChanges(Throwable failure) {
    List<String> log = action == null ? List.of() : action.logMessages();
    String message = action == null ? null : action.failure();
    if (message == null && event instanceof ActionEvent) {
      message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
    return new HookChanges(
        Map.of(), Map.of(), null, null, Set.of(), Set.of(), Map.of(), log, message);
  }

  private Map<Integer, BufferedRelation> relationsById() {
    if (relationsById == null) {
      Map<Integer, BufferedRelation> byId = new TreeMap<>();
      for (RelationView view : backend.relations()) {
        byId.put(view.id(), new BufferedRelation(scope, view, leader));
      }
      relationsById = byId;
    }
    return relationsById;
  }

  private Endpoint declaredEndpoint(String endpoint) {
    return meta.endpoint(endpoint)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "charm \""
                        + meta.name()
                        + "\" has no endpoint \""
                        + endpoint
                        + "\"; its endpoints are "
                        + meta.endpointsWithImplicit().stream()
                            .map(Endpoint::name)
                            .collect(Collectors.joining(", "))));
  }
}
