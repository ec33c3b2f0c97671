package dev.bosun.testing;

import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.LeaderElected;
import dev.bosun.charm.event.LeaderSettingsChanged;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationEvent;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.spi.UnitIdentity;
import dev.bosun.model.Problem;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.ConfigException;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that a state and an event could occur in a model of the charm, collecting every problem,
 * and types the configuration values as the runtime would.
 */
final class Consistency {
  private static final Pattern UNIT = Pattern.compile("([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/(\\d+)");
  private static final Pattern PORT = Pattern.compile("(\\d+)/(tcp|udp)");

  private final CharmMeta meta;
  private final UnitIdentity unit;
  private final List<Problem> problems = new ArrayList<>();

  private Consistency(CharmMeta meta, UnitIdentity unit) {
    this.meta = meta;
    this.unit = unit;
  }

  /** What the check found: the problems, and the configuration values typed. */
  record Result(List<Problem> problems, Map<String, Object> config) {}

  static Result check(CharmMeta meta, UnitIdentity unit, HookEvent event, State state) {
    Consistency check = new Consistency(meta, unit);
    Map<String, Object> config = check.config(state);
    check.relations(state);
    check.event(event, state);
    check.leadership(event, state);
    check.resources(state);
    check.ports(state);
    return new Result(List.copyOf(check.problems), config);
  }

  /** Returns the application of a unit name, or null when the name is not {@code app/N}. */
  static String applicationOf(String unitName) {
    Matcher matcher = UNIT.matcher(unitName);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private void problem(String message) {
    problems.add(Problem.error(null, message));
  }

  private Map<String, Object> config(State state) {
    Map<String, Object> typed = new LinkedHashMap<>();
    state
        .config()
        .forEach(
            (option, value) -> {
              try {
                typed.put(option, meta.config().validate(option, value));
              } catch (ConfigException e) {
                problem(
                    e.getMessage()
                        + " (charm \""
                        + meta.name()
                        + "\" declares "
                        + (meta.config().options().isEmpty()
                            ? "no options"
                            : "options " + String.join(", ", meta.config().options().keySet()))
                        + ")");
              }
            });
    return java.util.Collections.unmodifiableMap(typed);
  }

  private void relations(State state) {
    Map<String, Integer> perEndpoint = new HashMap<>();
    for (RelationState relation : state.relations()) {
      Endpoint endpoint = meta.endpoint(relation.endpoint()).orElse(null);
      if (endpoint == null) {
        problem(
            "relation "
                + relation.describe()
                + ": charm \""
                + meta.name()
                + "\" has no endpoint \""
                + relation.endpoint()
                + "\"; its endpoints are "
                + meta.endpointsWithImplicit().stream()
                    .map(Endpoint::name)
                    .collect(Collectors.joining(", ")));
        continue;
      }
      boolean peerEndpoint = endpoint.role() == Role.PEER;
      if (relation.peer() && !peerEndpoint) {
        problem(
            "relation "
                + relation.describe()
                + " is built as a peer relation, but endpoint \""
                + endpoint.name()
                + "\" is the "
                + endpoint.role()
                + " side of interface \""
                + endpoint.interfaceName()
                + "\": use RelationState.builder(\""
                + endpoint.name()
                + "\", remoteApplication)");
      } else if (!relation.peer() && peerEndpoint) {
        problem(
            "relation "
                + relation.describe()
                + " has remote application \""
                + relation.remoteApplication()
                + "\", but endpoint \""
                + endpoint.name()
                + "\" is a peer endpoint: use RelationState.peerBuilder(\""
                + endpoint.name()
                + "\")");
      } else if (!relation.peer() && relation.remoteApplication().equals(unit.applicationName())) {
        problem(
            "relation "
                + relation.describe()
                + " relates application \""
                + unit.applicationName()
                + "\" to itself; only peer relations do");
      }
      int count = perEndpoint.merge(endpoint.name(), 1, Integer::sum);
      if (endpoint.limit() > 0 && count == endpoint.limit() + 1) {
        problem(
            "endpoint \""
                + endpoint.name()
                + "\" accepts at most "
                + endpoint.limit()
                + (endpoint.limit() == 1 ? " relation" : " relations")
                + ", but the state has more");
      }
      String remoteApplication =
          relation.peer() ? unit.applicationName() : relation.remoteApplication();
      for (String remote : relation.remoteUnits().keySet()) {
        String application = applicationOf(remote);
        if (application == null) {
          problem(
              "relation "
                  + relation.describe()
                  + ": \""
                  + remote
                  + "\" is not a unit name (application/number)");
        } else if (remote.equals(unit.unitName())) {
          problem(
              "relation "
                  + relation.describe()
                  + " lists this unit, "
                  + remote
                  + ", among its remote units");
        } else if (!application.equals(remoteApplication)) {
          problem(
              "relation "
                  + relation.describe()
                  + ": remote unit "
                  + remote
                  + " is not a unit of \""
                  + remoteApplication
                  + "\"");
        }
      }
    }
  }

  private void event(HookEvent event, State state) {
    if (!(event instanceof RelationEvent relationEvent)) {
      return;
    }
    String hook = event.hookName();
    RelationState relation = null;
    for (RelationState candidate : state.relations()) {
      if (candidate.id() == relationEvent.relationId()) {
        relation = candidate;
      }
    }
    if (relation == null) {
      problem(
          "event \""
              + hook
              + "\" is about relation "
              + relationEvent.relationId()
              + ", which the state does not have; its relations are "
              + state.relations().stream().map(RelationState::describe).toList());
      return;
    }
    if (!relation.endpoint().equals(relationEvent.endpoint())) {
      problem(
          "event \""
              + hook
              + "\" names endpoint \""
              + relationEvent.endpoint()
              + "\", but relation "
              + relation.id()
              + " is on endpoint \""
              + relation.endpoint()
              + "\"");
    }
    String remoteApplication =
        relation.peer() ? unit.applicationName() : relation.remoteApplication();
    if (relationEvent.remoteApplication() != null
        && !relationEvent.remoteApplication().equals(remoteApplication)) {
      problem(
          "event \""
              + hook
              + "\" names remote application \""
              + relationEvent.remoteApplication()
              + "\", but relation "
              + relation.describe()
              + " is with \""
              + remoteApplication
              + "\"");
    }
    if (relationEvent instanceof RelationJoined joined) {
      requireMember(hook, relation, joined.remoteUnit());
    } else if (relationEvent instanceof RelationChanged changed && changed.remoteUnit() != null) {
      requireMember(hook, relation, changed.remoteUnit());
    } else if (relationEvent instanceof RelationDeparted departed) {
      requireMember(hook, relation, departed.remoteUnit());
      if (!departed.departingUnit().equals(departed.remoteUnit())
          && !departed.departingUnit().equals(unit.unitName())) {
        problem(
            "event \""
                + hook
                + "\": the departing unit is "
                + departed.remoteUnit()
                + " or this unit, "
                + unit.unitName()
                + ", not "
                + departed.departingUnit());
      }
    } else if (relationEvent instanceof RelationBroken && relation.peer()) {
      problem("event \"" + hook + "\": relation-broken never runs for a peer relation");
    }
  }

  private void requireMember(String hook, RelationState relation, String remoteUnit) {
    if (!relation.remoteUnits().containsKey(remoteUnit)) {
      problem(
          "event \""
              + hook
              + "\" is about unit "
              + remoteUnit
              + ", which is not among the remote units of relation "
              + relation.describe()
              + " "
              + relation.remoteUnits().keySet()
              + "; add it with remoteUnit(\""
              + remoteUnit
              + "\", data)");
    }
  }

  private void leadership(HookEvent event, State state) {
    if (event instanceof LeaderElected && !state.leader()) {
      problem("leader-elected runs only on the leader: build the state with leader(true)");
    }
    if (event instanceof LeaderSettingsChanged && state.leader()) {
      problem(
          "leader-settings-changed runs only on units that do not lead: build the state with"
              + " leader(false)");
    }
  }

  private void resources(State state) {
    for (String name : state.resources().keySet()) {
      if (!meta.resources().containsKey(name)) {
        problem(
            "charm \""
                + meta.name()
                + "\" declares no resource \""
                + name
                + "\"; "
                + (meta.resources().isEmpty()
                    ? "it declares no resources"
                    : "its resources are " + String.join(", ", meta.resources().keySet())));
      }
    }
  }

  private void ports(State state) {
    for (String port : state.openedPorts()) {
      Matcher matcher = PORT.matcher(port);
      boolean valid = matcher.matches();
      if (valid) {
        String digits = matcher.group(1);
        valid = digits.length() <= 5 && Integer.parseInt(digits) >= 1;
        valid = valid && Integer.parseInt(digits) <= 65535;
      }
      if (!valid) {
        problem(
            "opened port \"" + port + "\" is not a port in [1, 65535] with protocol tcp or udp");
      }
    }
  }
}
