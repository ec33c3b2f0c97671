package dev.bosun.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.runtime.ApplicationStatus;
import dev.bosun.runtime.MachineStatus;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.StatusInfo;
import dev.bosun.runtime.UnitStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Formats {@link ModelStatus} as {@code juju status} does: tabular (Model, App, Unit, Machine and,
 * with relations, Integration sections; the leader marked {@code *}; subordinates indented under
 * their principal), YAML and JSON in the shape of {@code juju status --format yaml}.
 */
final class StatusFormatter {
  static final String CONTROLLER = "bosun";
  static final String CLOUD = "local/localhost";
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final ModelStatus status;
  private final CharmCatalog charms;
  private final String version;

  StatusFormatter(ModelStatus status, CharmCatalog charms, String version) {
    this.status = status;
    this.charms = charms;
    this.version = version;
  }

  /** The tabular layout. */
  String tabular(boolean relations) {
    StringBuilder out = new StringBuilder();
    Table model =
        new Table(List.of("Model", "Controller", "Cloud/Region", "Version", "Timestamp"), Set.of());
    model.row(status.model(), CONTROLLER, CLOUD, version, CLOCK.format(status.timestamp()));
    out.append(model.render());

    Table apps =
        new Table(
            List.of(
                "App", "Version", "Status", "Scale", "Charm", "Channel", "Rev", "Exposed",
                "Message"),
            Set.of(3, 6));
    for (ApplicationStatus app : status.applications().values()) {
      apps.row(
          app.name(),
          "",
          app.status().current(),
          app.subordinate() ? "" : Integer.toString(app.scale()),
          app.charm(),
          "",
          Integer.toString(app.charmVersion()),
          app.exposed() ? "yes" : "no",
          app.status().message());
    }
    if (!apps.isEmpty()) {
      out.append('\n').append(apps.render());
    }

    Table units =
        new Table(
            List.of("Unit", "Workload", "Agent", "Machine", "Public address", "Ports", "Message"),
            Set.of());
    for (ApplicationStatus app : status.applications().values()) {
      if (app.subordinate()) {
        continue;
      }
      for (UnitStatus unit : app.units().values()) {
        unitRow(units, unit, "");
        for (UnitStatus subordinate : unit.subordinates().values()) {
          unitRow(units, subordinate, "  ");
        }
      }
    }
    if (!units.isEmpty()) {
      out.append('\n').append(units.render());
    }

    Table machines =
        new Table(
            List.of("Machine", "State", "Address", "Inst id", "Base", "AZ", "Message"), Set.of());
    for (MachineStatus machine : status.machines().values()) {
      machines.row(machine.id(), machine.status(), machine.address(), machine.id(), "", "", "");
    }
    if (!machines.isEmpty()) {
      out.append('\n').append(machines.render());
    }

    if (relations) {
      Table table =
          new Table(
              List.of("Integration provider", "Requirer", "Interface", "Type", "Message"),
              Set.of());
      for (RelationStatus relation : status.relations()) {
        List<String> sides = providerFirst(relation);
        table.row(
            sides.get(0),
            sides.get(1),
            relation.interfaceName(),
            relation.type(),
            relation.status().equals("joined") ? "" : relation.status());
      }
      if (!table.isEmpty()) {
        out.append('\n').append(table.render());
      }
    }
    if (status.applications().isEmpty()) {
      out.append('\n').append("Model \"").append(status.model()).append("\" is empty.\n");
    }
    return out.toString();
  }

  private static void unitRow(Table table, UnitStatus unit, String indent) {
    String message = unit.workload().message();
    if (unit.agent().current().equals("executing") && !unit.agent().message().isEmpty()) {
      message = "(" + unit.agent().message() + ") " + message;
    }
    table.row(
        indent + unit.name() + (unit.leader() ? "*" : ""),
        unit.workload().current(),
        unit.agent().current(),
        indent.isEmpty() ? unit.machine() : "",
        unit.address() == null ? "" : unit.address(),
        Ports.group(unit.openPorts()),
        message);
  }

  /** The two sides of a relation, the provider first (peer relations: the endpoint twice). */
  private List<String> providerFirst(RelationStatus relation) {
    List<String> endpoints = relation.endpoints();
    if (endpoints.size() == 1) {
      return List.of(endpoints.get(0), endpoints.get(0));
    }
    if (isRequirer(endpoints.get(0))) {
      return List.of(endpoints.get(1), endpoints.get(0));
    }
    return endpoints;
  }

  private boolean isRequirer(String endpoint) {
    int colon = endpoint.indexOf(':');
    ApplicationStatus app = status.applications().get(endpoint.substring(0, colon));
    if (app == null) {
      return false;
    }
    Optional<CharmDefinition> charm = charms.find(app.charm());
    return charm.isPresent()
        && charm.get().meta().requires().containsKey(endpoint.substring(colon + 1));
  }

  /** The YAML shape of {@code juju status --format yaml}. */
  String yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    return new Yaml(options).dump(document());
  }

  /** The JSON shape of {@code juju status --format json}. */
  String json() {
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(document())
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> document() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", status.model());
    model.put("type", "iaas");
    model.put("controller", CONTROLLER);
    model.put("cloud", "local");
    model.put("region", "localhost");
    model.put("version", version);
    root.put("model", model);
    Map<String, Object> machines = new LinkedHashMap<>();
    for (MachineStatus machine : status.machines().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("juju-status", Map.of("current", machine.status()));
      m.put("dns-name", machine.address());
      m.put("ip-addresses", List.of(machine.address()));
      m.put("instance-id", machine.id());
      if (machine.containerType() != null) {
        m.put("container-type", machine.containerType());
      }
      m.put("units", machine.units());
      machines.put(machine.id(), m);
    }
    root.put("machines", machines);
    Map<String, Object> applications = new LinkedHashMap<>();
    for (ApplicationStatus app : status.applications().values()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("charm", app.charm());
      a.put("charm-name", app.charm());
      a.put("charm-rev", app.charmVersion());
      if (!app.subordinate()) {
        a.put("scale", app.scale());
      }
      a.put("exposed", app.exposed());
      a.put("life", app.life());
      a.put("application-status", info(app.status()));
      Map<String, Object> relations = new LinkedHashMap<>();
      app.relations().forEach(relations::put);
      a.put("relations", relations);
      if (app.subordinate()) {
        a.put("subordinate-to", app.subordinateTo());
      } else {
        Map<String, Object> units = new LinkedHashMap<>();
        for (UnitStatus unit : app.units().values()) {
          units.put(unit.name(), unit(unit));
        }
        a.put("units", units);
      }
      applications.put(app.name(), a);
    }
    root.put("applications", applications);
    List<Object> relations = new ArrayList<>();
    for (RelationStatus relation : status.relations()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", relation.id());
      r.put("key", relation.key());
      r.put("endpoints", relation.endpoints());
      r.put("interface", relation.interfaceName());
      r.put("type", relation.type());
      r.put("status", relation.status());
      relations.add(r);
    }
    root.put("relations", relations);
    root.put("controller", Map.of("timestamp", CLOCK.format(status.timestamp())));
    return root;
  }

  private static Map<String, Object> unit(UnitStatus unit) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("workload-status", info(unit.workload()));
    u.put("juju-status", info(unit.agent()));
    if (unit.leader()) {
      u.put("leader", true);
    }
    if (unit.machine() != null) {
      u.put("machine", unit.machine());
    }
    if (!unit.openPorts().isEmpty()) {
      u.put("open-ports", unit.openPorts());
    }
    if (unit.address() != null) {
      u.put("public-address", unit.address());
      u.put("address", unit.address());
    }
    if (!unit.subordinates().isEmpty()) {
      Map<String, Object> subordinates = new LinkedHashMap<>();
      unit.subordinates().forEach((name, sub) -> subordinates.put(name, unit(sub)));
      u.put("subordinates", subordinates);
    }
    return u;
  }

  private static Map<String, Object> info(StatusInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("current", info.current());
    if (!info.message().isEmpty()) {
      m.put("message", info.message());
    }
    m.put("since", info.since().toString());
    return m;
  }
}
