package dev.bosun.model.plan;

import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Generates valid models: unique application names (beyond ten, so natural and string order
 * differ), local and store charms, placements to new machines, bundle machines, containers, other
 * applications and their units (only applications generated earlier, so there is no cycle), fewer
 * directives than units, subordinate-like applications with no units, relations without duplicates,
 * and machines only where a placement uses them.
 */
final class ModelSpecs {
  private static final String[] CHARMS = {
    "etcd", "easyrsa", "./charms/web", "local:cache", "ch:django", "ch:mysql"
  };
  private static final String[] CONSTRAINTS = {"", "cores=2", "mem=4G arch=amd64", "arch=arm64"};

  private ModelSpecs() {}

  /** Machine models and, now and then, Kubernetes models. */
  static Gen<ModelSpec> models() {
    return in -> generate(new Source(in));
  }

  /** A seeded source of choices from QuickTheories' randomness (so failures shrink). */
  static final class Source {
    private final org.quicktheories.core.RandomnessSource in;

    Source(org.quicktheories.core.RandomnessSource in) {
      this.in = in;
    }

    int between(int low, int high) {
      return (int) in.next(Constraint.between(low, high));
    }

    boolean chance(int percent) {
      return between(0, 99) < percent;
    }

    <T> T pick(T[] values) {
      return values[between(0, values.length - 1)];
    }
  }

  static ModelSpec generate(Source s) {
    boolean kubernetes = s.chance(10);
    ModelSpec.Builder model = ModelSpec.builder();
    if (kubernetes) {
      model.type("kubernetes");
    }
    switch (s.between(0, 3)) {
      case 0 -> model.series("jammy");
      case 1 -> model.defaultBase("ubuntu@22.04");
      case 2 -> model.series("warty");
      default -> {}
    }
    int count = s.between(1, 12);
    List<String> names = new ArrayList<>();
    List<Integer> units = new ArrayList<>();
    Set<String> machines = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      String name = "app" + i;
      int numUnits = s.chance(20) ? 0 : s.between(1, 4);
      List<String> to = new ArrayList<>();
      if (!kubernetes && numUnits > 0 && s.chance(70)) {
        int directives = s.between(1, numUnits);
        for (int d = 0; d < directives; d++) {
          to.add(directive(s, names, units, machines));
        }
      }
      String charm = s.pick(CHARMS);
      model.application(
          name,
          app -> {
            app.charm(charm).units(numUnits).to(to.toArray(String[]::new));
            if (charm.startsWith("ch:") && s.chance(50)) {
              app.channel(s.chance(50) ? "stable" : "edge");
            }
            if (s.chance(20)) {
              app.revision(s.between(0, 9));
            }
            if (s.chance(20)) {
              app.base(s.chance(50) ? "ubuntu@20.04" : "ubuntu@24.04/edge");
            }
            app.constraints(s.pick(CONSTRAINTS));
            if (s.chance(40)) {
              app.option("port", (long) s.between(1, 65535));
            }
            if (s.chance(30)) {
              app.option("name", "n" + s.between(0, 3));
            }
            if (s.chance(20)) {
              app.option("ratio", s.between(0, 4) / 2.0);
            }
            if (s.chance(20)) {
              app.option("debug", s.chance(50));
            }
            app.expose(s.chance(30));
            if (s.chance(10)) {
              app.exposedEndpoint(
                  "www", new ExposedEndpoint(List.of("public"), List.of("10.0.0.0/8")));
            }
            if (s.chance(30)) {
              app.annotation("gui-x", Integer.toString(s.between(0, 500)));
            }
            if (s.chance(10)) {
              app.trust(true);
            }
          });
      names.add(name);
      units.add(numUnits);
    }
    for (String id : machines) {
      model.machine(
          new MachineSpec(
              id,
              dev.bosun.model.spec.Constraints.parse(s.pick(CONSTRAINTS)),
              s.chance(30) ? Map.of("rack", "r" + s.between(0, 2)) : Map.of(),
              s.chance(20) ? "focal" : null,
              null));
    }
    Set<String> relations = new LinkedHashSet<>();
    int relationCount = s.between(0, count * 2);
    for (int r = 0; r < relationCount && count > 1; r++) {
      int a = s.between(0, count - 1);
      int b = s.between(0, count - 1);
      if (a == b) {
        continue;
      }
      String first = names.get(a) + (s.chance(70) ? ":ep" + s.between(0, 2) : "");
      String second = names.get(b) + (s.chance(70) ? ":ep" + s.between(0, 2) : "");
      String key = first.compareTo(second) < 0 ? first + " " + second : second + " " + first;
      String pair = names.get(Math.min(a, b)) + " " + names.get(Math.max(a, b));
      if (relations.add(key) && relations.add(pair)) {
        model.relate(first, second);
      }
    }
    return model.buildUnvalidated();
  }

  private static String directive(
      Source s, List<String> names, List<Integer> units, Set<String> machines) {
    int kind = s.between(0, 9);
    if (names.isEmpty() && kind >= 6) {
      kind = s.between(0, 5);
    }
    switch (kind) {
      case 0:
        return "new";
      case 1:
        return "lxd:new";
      case 2:
        return "lxd";
      case 3:
      case 4:
        {
          String id = Integer.toString(s.between(0, 3));
          machines.add(id);
          return id;
        }
      case 5:
        {
          String id = Integer.toString(s.between(0, 3));
          machines.add(id);
          return (s.chance(50) ? "lxd:" : "kvm:") + id;
        }
      case 6:
      case 7:
        {
          int target = s.between(0, names.size() - 1);
          return (s.chance(40) ? "lxd:" : "") + names.get(target);
        }
      default:
        {
          int target = s.between(0, names.size() - 1);
          if (units.get(target) == 0) {
            return names.get(target);
          }
          return (s.chance(40) ? "lxd:" : "")
              + names.get(target)
              + "/"
              + s.between(0, units.get(target) - 1);
        }
    }
  }

  /** A model and the same model with some applications scaled up. */
  static Gen<List<ModelSpec>> modelsAndScaledUp() {
    return in -> {
      Source s = new Source(in);
      ModelSpec spec = generate(s);
      return List.of(spec, scaledUp(spec, s));
    };
  }

  /** The spec with every application that has units scaled up by 0 to 3 units. */
  static ModelSpec scaledUp(ModelSpec spec, Source s) {
    ModelSpec.Builder builder = spec.toBuilder();
    for (var app : spec.applications().values()) {
      if (app.numUnits() > 0) {
        int extra = s.between(0, 3);
        builder.application(app.name(), a -> a.units(app.numUnits() + extra));
      }
    }
    return builder.buildUnvalidated();
  }
}
