package dev.bosun.charm.fake;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.spi.ActionInvocation;
import dev.bosun.charm.spi.HookBackend;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.charm.spi.HookRunner;
import dev.bosun.charm.spi.RelationView;
import dev.bosun.charm.spi.UnitIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link HookBackend} over plain maps, for unit tests of the SDK: what a runtime would show one
 * unit when a hook starts.
 *
 * <pre>{@code
 * HookOutcome outcome = FakeBackend.builder(charm, new Install()).unit("etcd/1").leader(false).run();
 * }</pre>
 */
public final class FakeBackend implements HookBackend {
  private final HookEvent event;
  private final UnitIdentity unit;
  private final CharmDefinition charm;
  private final boolean leader;
  private final Map<String, Object> config;
  private final Map<String, String> state;
  private final Status status;
  private final Set<String> ports;
  private final List<RelationView> relations;
  private final Machine machine;
  private final Map<String, Path> resources;
  private final ActionInvocation action;

  private FakeBackend(Builder b) {
    event = b.event;
    String application = b.unit.substring(0, b.unit.indexOf('/'));
    unit = new UnitIdentity(b.unit, application, "0", null);
    charm = b.charm;
    leader = b.leader;
    config = Collections.unmodifiableMap(new LinkedHashMap<>(b.config));
    state = Collections.unmodifiableMap(new TreeMap<>(b.state));
    status = b.status;
    ports = Collections.unmodifiableSet(new TreeSet<>(b.ports));
    List<RelationView> sorted = new ArrayList<>(b.relations);
    sorted.sort(Comparator.comparingInt(RelationView::id));
    relations = Collections.unmodifiableList(sorted);
    machine = b.machine;
    resources = Map.copyOf(b.resources);
    action = b.action;
  }

  /** Starts a backend for a charm and an event; the unit is {@code <charm>/0}, the leader. */
  public static Builder builder(CharmDefinition charm, HookEvent event) {
    return new Builder(charm, event);
  }

  @Override
  public HookEvent event() {
    return event;
  }

  @Override
  public UnitIdentity unit() {
    return unit;
  }

  @Override
  public CharmDefinition charm() {
    return charm;
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  @Override
  public Map<String, Object> configValues() {
    return config;
  }

  @Override
  public Map<String, String> unitState() {
    return state;
  }

  @Override
  public Status unitStatus() {
    return status;
  }

  @Override
  public Set<String> openedPorts() {
    return ports;
  }

  @Override
  public List<RelationView> relations() {
    return relations;
  }

  @Override
  public Machine machine() {
    return machine;
  }

  @Override
  public Optional<Path> resource(String name) {
    return Optional.ofNullable(resources.get(name));
  }

  @Override
  public Optional<ActionInvocation> action() {
    return Optional.ofNullable(action);
  }

  /** Builds a {@link FakeBackend}. */
  public static final class Builder {
    private final CharmDefinition charm;
    private final HookEvent event;
    private String unit;
    private boolean leader = true;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Map<String, String> state = new LinkedHashMap<>();
    private Status status = new Status(dev.bosun.charm.StatusState.UNKNOWN, "");
    private final Set<String> ports = new TreeSet<>();
    private final List<RelationView> relations = new ArrayList<>();
    private Machine machine = new FakeMachine("0", "127.77.0.1", Path.of("/nonexistent"));
    private final Map<String, Path> resources = new LinkedHashMap<>();
    private ActionInvocation action;

    private Builder(CharmDefinition charm, HookEvent event) {
      this.charm = charm;
      this.event = event;
      this.unit = charm.name() + "/0";
    }

    /** Sets the unit's name, {@code app/n}. */
    public Builder unit(String name) {
      unit = name;
      return this;
    }

    /** Sets whether the unit leads its application. */
    public Builder leader(boolean isLeader) {
      leader = isLeader;
      return this;
    }

    /** Sets a configuration value as the operator set it. */
    public Builder config(String option, Object value) {
      config.put(option, value);
      return this;
    }

    /** Sets a committed unit-state value. */
    public Builder state(String key, String value) {
      state.put(key, value);
      return this;
    }

    /** Sets the committed unit status. */
    public Builder status(Status committed) {
      status = committed;
      return this;
    }

    /** Adds a committed open port, {@code 2379/tcp}. */
    public Builder port(String port) {
      ports.add(port);
      return this;
    }

    /** Adds a relation. */
    public Builder relation(RelationView relation) {
      relations.add(relation);
      return this;
    }

    /** Sets the machine. */
    public Builder machine(Machine value) {
      machine = value;
      return this;
    }

    /** Supplies a resource file. */
    public Builder resource(String name, Path file) {
      resources.put(name, file);
      return this;
    }

    /** Sets the running action. */
    public Builder action(ActionInvocation invocation) {
      action = invocation;
      return this;
    }

    /** Returns the backend. */
    public FakeBackend build() {
      return new FakeBackend(this);
    }

    /** Builds the backend and runs the hook on it. */
    public HookOutcome run() {
      return HookRunner.run(build());
    }
  }
}
