package dev.bosun.model.internal.validation;

import static dev.bosun.model.internal.GoFormat.quote;

import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Names;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.SaasSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of Juju's bundle verification that need no charm metadata: bundle type, series and
 * base, consumed offers, machines, applications, placement and expose rules.
 */
final class StructuralChecks {
  private static final String APPS = "applications";

  private final ModelSpec spec;
  private final Findings findings;
  private final Map<String, Integer> machineReferences = new HashMap<>();

  private StructuralChecks(ModelSpec spec, Findings findings) {
    this.spec = spec;
    this.findings = findings;
  }

  static void run(ModelSpec spec, Findings findings) {
    new StructuralChecks(spec, findings).run();
  }

  private void run() {
    String type = spec.type();
    if (!type.isEmpty() && !spec.isKubernetes()) {
      findings.error(findings.valueAt("bundle"), "bundle has an invalid type %s", quote(type));
    }
    if (spec.isKubernetes() && !spec.machines().isEmpty()) {
      findings.error(findings.at("machines"), "bundle machines not valid for Kubernetes bundles");
    }
    if (spec.series() != null && !spec.series().isEmpty() && !Syntax.isValidSeries(spec.series())) {
      findings.error(
          findings.valueAt("series"), "bundle declares an invalid series %s", quote(spec.series()));
    }
    if (spec.defaultBase() != null
        && !spec.defaultBase().isEmpty()
        && !Syntax.isValidBase(spec.defaultBase())) {
      findings.error(
          findings.valueAt("default-base"),
          "bundle declares an invalid base %s",
          quote(spec.defaultBase()));
    }
    checkSaas();
    if (!spec.isKubernetes()) {
      checkMachines();
    }
    checkApplications();
    if (!spec.isKubernetes()) {
      for (String id : spec.machines().keySet()) {
        if (machineReferences.getOrDefault(id, 0) == 0) {
          findings.error(
              findings.at("machines", id),
              "machine %s is not referred to by a placement directive",
              quote(id));
        }
      }
    }
  }

  private void checkSaas() {
    for (SaasSpec saas : spec.saas().values()) {
      String name = saas.name();
      if (spec.applications().containsKey(name)) {
        findings.error(
            findings.at("saas", name),
            "application %s already exists with SAAS %s name",
            quote(name),
            quote(name));
      }
      if (!Names.isValidApplication(name)) {
        findings.error(findings.at("saas", name), "invalid SAAS name %s found", quote(name));
      }
      if (!saas.url().isEmpty() && Syntax.checkOfferUrl(saas.url()) != null) {
        findings.error(
            findings.valueAt("saas", name, "url"),
            "invalid offer URL %s for SAAS %s",
            quote(saas.url()),
            name);
      }
    }
  }

  private void checkMachines() {
    for (MachineSpec machine : spec.machines().values()) {
      String id = machine.id();
      if (!Names.isValidMachineId(id)) {
        findings.error(
            findings.at("machines", id), "invalid machine id %s found in machines", quote(id));
      }
      if (machine.series() != null
          && !machine.series().isEmpty()
          && !Syntax.isValidSeries(machine.series())) {
        findings.error(
            findings.valueAt("machines", id, "series"),
            "invalid series %s for machine %s",
            quote(machine.series()),
            quote(id));
      }
      if (machine.base() != null
          && !machine.base().isEmpty()
          && !Syntax.isValidBase(machine.base())) {
        findings.error(
            findings.valueAt("machines", id, "base"),
            "invalid base %s for machine %s",
            quote(machine.base()),
            quote(id));
      }
    }
  }

  private void checkApplications() {
    if (spec.applications().isEmpty()) {
      findings.error(findings.at(APPS), "at least one application must be specified");
      return;
    }
    for (ApplicationSpec application : spec.applications().values()) {
      checkApplication(application);
    }
  }

  private void checkApplication(ApplicationSpec app) {
    String name = app.name();
    if (!Names.isValidApplication(name)) {
      findings.error(findings.at(APPS, name), "invalid application name %s", quote(name));
    }
    if (app.charm().isEmpty()) {
      findings.error(findings.valueAt(APPS, name, "charm"), "empty charm path");
    }
    if (spec.saas().containsKey(name)) {
      findings.error(
          findings.at(APPS, name),
          "SAAS %s already exists with application %s name",
          quote(name),
          quote(name));
    }
    checkCharmReference(app);
    if (app.series() != null && !app.series().isEmpty() && !Syntax.isValidSeries(app.series())) {
      findings.error(
          findings.valueAt(APPS, name, "series"),
          "application %s declares an invalid series %s",
          quote(name),
          quote(app.series()));
    }
    if (app.base() != null && !app.base().isEmpty() && !Syntax.isValidBase(app.base())) {
      findings.error(
          findings.valueAt(APPS, name, "base"),
          "application %s declares an invalid base %s",
          quote(name),
          quote(app.base()));
    }
    for (String storage : app.storage().keySet()) {
      if (!Syntax.isValidStorageName(storage)) {
        findings.error(
            findings.at(APPS, name, "storage", storage),
            "invalid storage name %s in application %s",
            quote(storage),
            quote(name));
      }
    }
    app.devices()
        .forEach(
            (device, directive) -> {
              if (!Syntax.isValidStorageName(device)) {
                findings.error(
                    findings.at(APPS, name, "devices", device),
                    "invalid device name %s in application %s",
                    quote(device),
                    quote(name));
              }
              String reason = Syntax.checkDevice(directive);
              if (reason != null) {
                findings.error(
                    findings.valueAt(APPS, name, "devices", device),
                    "invalid device %s in application %s: %s",
                    quote(device),
                    quote(name),
                    reason);
              }
            });
    if (app.resources().containsKey("")) {
      findings.error(
          findings.at(APPS, name, "resources", ""),
          "missing resource name on application %s",
          quote(name));
    }
    if (app.numUnits() < 0) {
      findings.error(
          findings.valueAt(APPS, name, "num_units"),
          "negative number of units specified on application %s",
          quote(name));
    }
    if (spec.isKubernetes()) {
      checkKubernetesPlacement(app);
    } else {
      checkPlacement(app);
    }
    checkExpose(app);
  }

  private void checkCharmReference(ApplicationSpec app) {
    String name = app.name();
    String charm = app.charm();
    if (charm.isEmpty() || Syntax.isLocalPath(charm)) {
      return;
    }
    Syntax.CharmUrl url;
    try {
      url = Syntax.parseCharmUrl(charm);
    } catch (IllegalArgumentException e) {
      findings.error(
          findings.valueAt(APPS, name, "charm"),
          "invalid charm URL in application %s: %s",
          quote(name),
          e.getMessage());
      return;
    }
    if (url.isCharmhub() && url.revision() != -1) {
      findings.error(
          findings.valueAt(APPS, name, "charm"),
          "cannot specify revision in %s, please use revision",
          quote(url.canonical()));
    }
    if (app.revision() != null) {
      if (url.isCharmhub() && (app.channel() == null || app.channel().isEmpty())) {
        findings.error(
            findings.valueAt(APPS, name, "revision"),
            "application %s with a revision requires a channel for future upgrades, please use"
                + " channel",
            quote(name));
      }
      if (app.revision() < 0) {
        findings.error(
            findings.valueAt(APPS, name, "revision"),
            "the revision for application %s must be zero or greater",
            quote(name));
      }
    }
    if (url.series() != null
        && app.series() != null
        && !app.series().isEmpty()
        && !url.series().equals(app.series())) {
      findings.error(
          findings.valueAt(APPS, name, "charm"),
          "the charm URL for application %s has a series which does not match, please remove the"
              + " series from the URL",
          quote(name));
    }
  }

  private void checkPlacement(ApplicationSpec app) {
    String name = app.name();
    List<Placement> to = app.to();
    if (app.numUnits() >= 0 && to.size() > app.numUnits()) {
      findings.error(
          findings.at(APPS, name, "to"),
          "too many units specified in unit placement for application %s",
          quote(name));
    }
    for (int i = 0; i < to.size(); i++) {
      Placement placement = to.get(i);
      String directive = placement.toString();
      if (placement.isApplication()) {
        ApplicationSpec target = spec.applications().get(placement.application());
        if (target == null) {
          if (isBareContainerType(placement)) {
            continue;
          }
          findings.error(
              findings.at(APPS, name, "to", Integer.toString(i)),
              "placement %s refers to an application not defined in this bundle",
              quote(directive));
          continue;
        }
        if (placement.unit() >= 0 && placement.unit() >= target.numUnits()) {
          findings.error(
              findings.at(APPS, name, "to", Integer.toString(i)),
              "placement %s specifies a unit greater than the %d unit(s) started by the target"
                  + " application",
              quote(directive),
              target.numUnits());
        }
      } else if (!placement.isNewMachine()) {
        if (!spec.machines().containsKey(placement.machine())) {
          findings.error(
              findings.at(APPS, name, "to", Integer.toString(i)),
              "placement %s refers to a machine not defined in this bundle",
              quote(directive));
          continue;
        }
        machineReferences.merge(placement.machine(), 1, Integer::sum);
      }
    }
  }

  /** {@code lxd} or {@code kvm} alone, with no application of that name: a new container. */
  static boolean isBareContainerType(Placement placement) {
    return placement.containerType() == null
        && placement.unit() < 0
        && ("lxd".equals(placement.application()) || "kvm".equals(placement.application()));
  }

  private void checkKubernetesPlacement(ApplicationSpec app) {
    String name = app.name();
    if (app.to().size() > 1) {
      findings.error(
          findings.at(APPS, name, "to"),
          "too many placement directives for application %s",
          quote(name));
      return;
    }
    if (app.to().isEmpty()) {
      return;
    }
    String reason = Syntax.checkNodeSelector(app.to().get(0).toString());
    if (reason != null) {
      findings.error(
          findings.at(APPS, name, "to", "0"), "%s for application %s", reason, quote(name));
    }
  }

  private void checkExpose(ApplicationSpec app) {
    String name = app.name();
    if (app.exposedEndpoints().isEmpty()) {
      return;
    }
    if (app.expose()) {
      findings.error(
          findings.at(APPS, name, "exposed-endpoints"),
          "exposed-endpoints cannot be specified together with \"exposed:true\" in application %s"
              + " as this poses a security risk when deploying bundles to older controllers",
          quote(name));
      return;
    }
    for (Map.Entry<String, ExposedEndpoint> entry : app.exposedEndpoints().entrySet()) {
      List<String> cidrs = entry.getValue().exposeToCidrs();
      for (int i = 0; i < cidrs.size(); i++) {
        if (!Syntax.isValidCidr(cidrs.get(i))) {
          findings.error(
              findings.at(
                  APPS,
                  name,
                  "exposed-endpoints",
                  entry.getKey(),
                  "expose-to-cidrs",
                  Integer.toString(i)),
              "invalid CIDR %s for expose to CIDRs field for endpoint %s in application %s",
              quote(cidrs.get(i)),
              quote(entry.getKey()),
              quote(name));
        }
      }
    }
  }
}
