package dev.bosun.model.internal.validation;

import static dev.bosun.model.internal.GoFormat.quote;

import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.ConfigException;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of Juju's {@code VerifyWithCharms} for every application whose charm the repository
 * knows: subordinate rules, option names and types, endpoint bindings. An application whose charm
 * is unknown gets one warning.
 */
final class CharmChecks {
  private static final String APPS = "applications";

  private CharmChecks() {}

  /**
   * Runs the checks and returns the charm of every application whose charm is known, by application
   * name. Each distinct charm reference is looked up once.
   */
  static Map<String, CharmMeta> run(ModelSpec spec, CharmRepository charms, Findings findings) {
    Map<String, Optional<CharmMeta>> byReference = new HashMap<>();
    Map<String, CharmMeta> known = new LinkedHashMap<>();
    for (ApplicationSpec app : spec.applications().values()) {
      if (app.charm().isEmpty()) {
        continue;
      }
      Optional<CharmMeta> charm = byReference.computeIfAbsent(app.charm(), charms::find);
      if (charm.isEmpty()) {
        findings.warning(
            findings.valueAt(APPS, app.name(), "charm"),
            "charm metadata for %s (application %s) is unknown, so the checks that need it"
                + " (endpoints, relations, options, subordinates) were skipped; point Bosun at"
                + " the charm with --charm-dir DIR",
            quote(app.charm()),
            quote(app.name()));
        continue;
      }
      known.put(app.name(), charm.get());
      check(app, charm.get(), findings);
    }
    return known;
  }

  private static void check(ApplicationSpec app, CharmMeta charm, Findings findings) {
    String name = app.name();
    if (charm.subordinate()) {
      if (!app.to().isEmpty()) {
        findings.error(
            findings.at(APPS, name, "to"),
            "application %s is subordinate but specifies unit placement",
            quote(name));
      }
      if (app.numUnits() > 0) {
        findings.error(
            findings.valueAt(APPS, name, "num_units"),
            "application %s is subordinate but has non-zero num_units",
            quote(name));
      }
    }
    ConfigSchema config = charm.config();
    app.options()
        .forEach(
            (option, value) -> {
              if (config.option(option).isEmpty()) {
                findings.error(
                    findings.at(APPS, name, "options", option),
                    "cannot validate application %s: configuration option %s not found in charm"
                        + " %s",
                    quote(name),
                    quote(option),
                    quote(app.charm()));
                return;
              }
              try {
                config.validate(option, value);
              } catch (ConfigException e) {
                findings.error(
                    findings.valueAt(APPS, name, "options", option),
                    "cannot validate application %s: %s",
                    quote(name),
                    e.getMessage());
              }
            });
    app.bindings()
        .forEach(
            (endpoint, space) -> {
              if (endpoint.isEmpty()) {
                return; // The default space for every endpoint.
              }
              boolean defined =
                  charm.provides().containsKey(endpoint)
                      || charm.requires().containsKey(endpoint)
                      || charm.peers().containsKey(endpoint)
                      || charm.extraBindings().contains(endpoint);
              if (!defined) {
                findings.error(
                    findings.at(APPS, name, "bindings", endpoint),
                    "application %s wants to bind endpoint %s to space %s, but the endpoint is"
                        + " not defined by the charm",
                    quote(name),
                    quote(endpoint),
                    quote(space));
              }
            });
  }
}
