package dev.bosun.cli;

import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.RelationState;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.RelationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live model as a bundle ({@code export-bundle}), and bundles merged over it ({@code deploy}).
 */
final class ModelExport {
  private ModelExport() {}

  /**
   * Returns the model as a bundle, as {@code juju export-bundle} writes it: every application with
   * its charm, unit count, options set, constraints, expose flag and, with {@code placements}, the
   * machine of each unit; the top-level machines; every relation but peer relations.
   */
  static ModelSpec toSpec(ModelState state, boolean placements) {
    ModelSpec.Builder model = ModelSpec.builder();
    for (ApplicationState app : state.applications().values()) {
      model.application(application(app, placements, app.units().size()));
    }
    if (placements) {
      for (MachineState machine : state.machines().values()) {
        if (machine.parentId() == null) {
          model.machine(
              new MachineSpec(
                  machine.id(),
                  machine.constraints(),
                  machine.annotations(),
                  present(machine.series()) ? machine.series() : null,
                  present(machine.base()) ? machine.base() : null));
        }
      }
    }
    for (RelationState relation : state.relations()) {
      model.relation(new RelationSpec(relation.first(), relation.second()));
    }
    return model.buildUnvalidated();
  }

  private static ApplicationSpec application(ApplicationState app, boolean placements, int units) {
    boolean subordinate = Boolean.TRUE.equals(app.subordinate());
    ApplicationSpec.Builder builder =
        ApplicationSpec.builder(app.name())
            .charm(app.charm())
            .units(subordinate ? 0 : units)
            .options(app.options())
            .constraints(app.constraints())
            .expose(app.exposed())
            .trust(app.trust());
    if (present(app.channel())) {
      builder.channel(app.channel());
    }
    if (app.revision() != null) {
      builder.revision(app.revision());
    }
    if (present(app.base())) {
      builder.base(app.base());
    }
    if (present(app.series())) {
      builder.series(app.series());
    }
    app.exposedEndpoints().forEach(builder::exposedEndpoint);
    app.annotations().forEach(builder::annotation);
    if (placements && !subordinate) {
      List<String> directives = new ArrayList<>();
      for (String machine : app.units().values()) {
        directives.add(directive(machine));
      }
      builder.to(directives.toArray(String[]::new));
    }
    return builder.build();
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  /** A placement directive for a machine id: {@code 3}, or {@code lxd:3} for a container on 3. */
  private static String directive(String machine) {
    String[] parts = machine.split("/");
    if (parts.length == 1) {
      return machine;
    }
    String parent = String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
    return parts[parts.length - 2] + ":" + parent;
  }

  /**
   * Returns the model a bundle deploy asks the runtime for: the bundle merged over the live model,
   * the way {@code juju deploy BUNDLE} changes a model — applications, relations and options the
   * bundle does not mention stay, an application never loses units (its unit count is the larger of
   * the bundle's and the model's), and nothing is unexposed.
   */
  static ModelSpec merge(ModelSpec bundle, ModelState live) {
    ModelSpec.Builder merged = bundle.toBuilder();
    for (ApplicationState app : live.applications().values()) {
      ApplicationSpec wanted = bundle.applications().get(app.name());
      if (wanted == null) {
        merged.application(application(app, false, app.units().size()));
        continue;
      }
      Map<String, Object> options = new LinkedHashMap<>(app.options());
      options.putAll(wanted.options());
      ApplicationSpec.Builder builder =
          wanted.toBuilder().options(options).expose(wanted.expose() || app.exposed());
      if (!Boolean.TRUE.equals(app.subordinate())) {
        builder.units(Math.max(wanted.numUnits(), app.units().size()));
      }
      merged.application(builder.build());
    }
    for (RelationState relation : live.relations()) {
      boolean present =
          bundle.relations().stream()
              .anyMatch(
                  r ->
                      (r.first().equals(relation.first()) && r.second().equals(relation.second()))
                          || (r.first().equals(relation.second())
                              && r.second().equals(relation.first())));
      if (!present) {
        merged.relation(new RelationSpec(relation.first(), relation.second()));
      }
    }
    return merged.buildUnvalidated();
  }
}
