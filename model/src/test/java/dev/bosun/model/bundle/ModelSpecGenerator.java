package dev.bosun.model.bundle;

import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.RelationSpec;
import dev.bosun.model.spec.ResourceRef;
import dev.bosun.model.spec.StorageDirective;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generates random valid {@link ModelSpec}s for property tests: names that YAML would misread
 * ({@code yes}, {@code null}, {@code on}), units, placements that refer to declared machines and
 * applications, options of every type (including floats, NaN and infinities, and strings that look
 * like numbers, booleans or null), constraints, annotations, expose rules, bindings, resources,
 * storage, devices and relations. Every draw goes through QuickTheories, so failures shrink.
 */
final class ModelSpecGenerator implements Gen<ModelSpec> {
  private static final List<String> APPLICATION_NAMES =
      List.of(
          "etcd",
          "easyrsa",
          "kubernetes-master",
          "app1",
          "a-b",
          "yes",
          "null",
          "on",
          "true",
          "x1y",
          "no");
  private static final List<String> CHARMS =
      List.of("", "ch:etcd", "cs:~containers/etcd-449", "local:etcd", "easyrsa");
  private static final List<String> TRICKY_STRINGS =
      List.of(
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "Y",
          "true",
          "False",
          "~",
          "null",
          "NULL",
          "1",
          "1.0",
          "-5",
          "0x1F",
          "0o17",
          "017",
          "1_000",
          "1e3",
          ".inf",
          "-.inf",
          ".nan",
          "2001-12-14",
          "12:30:00",
          "a: b",
          "a #b",
          "#x",
          "- x",
          "[x]",
          "{x}",
          "*x",
          "&x",
          "!x",
          "%x",
          "@x",
          "`x",
          "|",
          ">",
          "'",
          "\"",
          "x\\y",
          " lead",
          "trail ",
          "",
          "multi\nline\n",
          "tab\there",
          "é ü",
          "emoji \uD83D\uDE00",
          "1.20/stable",
          "cores=2 mem=8G",
          "<<",
          "=",
          "?x",
          ":x",
          "x:",
          "include-file-not",
          "\u0085",
          "\u2028");
  private static final String CHARACTERS =
      "abcXYZ019 _-./:#'\"\\\n\t~!@%&*{}[]|>?,=+éü\u00a0\u2028";
  private static final List<String> CONSTRAINTS =
      List.of(
          "cores=2 mem=8G",
          "arch=amd64 root-disk=16G tags=a,b",
          "spaces=^x,y zones=a,b",
          "instance-type=m5.large cpu-power=100",
          "container=lxd allocate-public-ip=true virt-type=kvm");
  private static final List<String> SERIES = List.of("jammy", "focal");
  private static final List<String> BASES = List.of("ubuntu@22.04", "ubuntu@24.04/stable");
  private static final List<String> CHANNELS = List.of("stable", "1.20/stable", "latest/edge");
  private static final List<String> ENDPOINTS = List.of("db", "certificates", "client", "cni");

  private RandomnessSource in;

  @Override
  public ModelSpec generate(RandomnessSource randomness) {
    this.in = randomness;
    boolean kubernetes = chance(8);
    ModelSpec.Builder model = ModelSpec.builder().type(kubernetes ? "kubernetes" : "");
    if (chance(3)) {
      model.series(pick(SERIES));
    }
    if (chance(3)) {
      model.defaultBase(pick(BASES));
    }
    if (chance(2)) {
      String description = text();
      model.description(description.isEmpty() ? "d" : description);
    }
    List<String> names = new ArrayList<>(APPLICATION_NAMES);
    int count = between(1, 6);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chosen.add(names.remove(between(0, names.size() - 1)));
    }
    Map<String, Integer> units = new LinkedHashMap<>();
    for (String name : chosen) {
      units.put(name, between(0, 4));
    }
    List<String> machineIds = new ArrayList<>();
    if (!kubernetes) {
      int machines = between(0, 3);
      for (int i = 0; i < machines; i++) {
        machineIds.add(Integer.toString(i));
      }
    }
    Set<String> referenced = new HashSet<>();
    for (String name : chosen) {
      model.application(application(name, units, machineIds, referenced, kubernetes));
    }
    for (String id : machineIds) {
      if (referenced.contains(id)) {
        model.machine(machine(id));
      }
    }
    Set<String> pairs = new HashSet<>();
    int relations = chosen.size() < 2 ? 0 : between(0, 4);
    for (int i = 0; i < relations; i++) {
      String first = pick(chosen);
      String second = pick(chosen);
      if (first.equals(second)) {
        continue;
      }
      EndpointRef one = new EndpointRef(first, chance(2) ? pick(ENDPOINTS) : null);
      EndpointRef other = new EndpointRef(second, chance(2) ? pick(ENDPOINTS) : null);
      String a = one.toString();
      String b = other.toString();
      if (pairs.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a)) {
        model.relation(new RelationSpec(one, other));
      }
    }
    return model.buildUnvalidated();
  }

  private ApplicationSpec application(
      String name,
      Map<String, Integer> units,
      List<String> machines,
      Set<String> referenced,
      boolean kubernetes) {
    String charm = pick(CHARMS);
    ApplicationSpec.Builder app =
        ApplicationSpec.builder(name).charm(charm.isEmpty() ? name : charm).units(units.get(name));
    if (chance(3)) {
      app.channel(pick(CHANNELS));
      if (chance(2)) {
        app.revision(between(0, 5000));
      }
    }
    if (chance(4)) {
      app.series(pick(SERIES));
    }
    if (chance(4)) {
      app.base(pick(BASES));
    }
    if (kubernetes) {
      if (chance(3)) {
        app.to(List.of(new Placement(null, "node=" + pick(List.of("a", "b")), null, -1)));
      }
    } else {
      app.to(placements(units.get(name), units, machines, referenced));
    }
    int options = between(0, 5);
    for (int i = 0; i < options; i++) {
      app.option(chance(2) ? pick(TRICKY_STRINGS) : text(), optionValue());
    }
    if (chance(2)) {
      app.constraints(Constraints.parse(pick(CONSTRAINTS)));
    }
    int annotations = between(0, 3);
    for (int i = 0; i < annotations; i++) {
      app.annotation(string(), string());
    }
    boolean expose = chance(3);
    app.expose(expose);
    if (!expose && chance(4)) {
      app.exposedEndpoint(
          pick(List.of("", "db")),
          new ExposedEndpoint(
              chance(2) ? List.of("alpha", "beta") : List.of(),
              chance(2) ? List.of("10.0.0.0/8", "::/0") : List.of()));
    }
    if (chance(4)) {
      app.binding("", "alpha");
      app.binding("db", string());
    }
    if (chance(4)) {
      app.resource(
          "res", chance(2) ? ResourceRef.revision(between(0, 99)) : ResourceRef.path(string()));
    }
    if (chance(4)) {
      app.storage("data", StorageDirective.parse(pick(List.of("ebs,10G,1", "5G", "tmpfs,2"))));
    }
    if (chance(5)) {
      app.device("gpu", "1,nvidia.com/gpu");
    }
    app.trust(chance(4));
    return app.build();
  }

  private List<Placement> placements(
      int count, Map<String, Integer> units, List<String> machines, Set<String> referenced) {
    List<Placement> placements = new ArrayList<>();
    int size = between(0, count);
    List<String> applications = new ArrayList<>(units.keySet());
    for (int i = 0; i < size; i++) {
      String container = chance(3) ? "lxd" : null;
      switch (between(0, 2)) {
        case 0 -> placements.add(new Placement(container, "new", null, -1));
        case 1 -> {
          if (machines.isEmpty()) {
            placements.add(new Placement(container, "new", null, -1));
          } else {
            String machine = pick(machines);
            referenced.add(machine);
            placements.add(new Placement(container, machine, null, -1));
          }
        }
        default -> {
          String target = pick(applications);
          int targetUnits = units.get(target);
          int unit = targetUnits == 0 || chance(2) ? -1 : between(0, targetUnits - 1);
          placements.add(new Placement(container, null, target, unit));
        }
      }
    }
    return placements;
  }

  private MachineSpec machine(String id) {
    Map<String, String> annotations = new TreeMap<>();
    int count = between(0, 2);
    for (int i = 0; i < count; i++) {
      annotations.put(string(), string());
    }
    return new MachineSpec(
        id,
        chance(2) ? Constraints.parse(pick(CONSTRAINTS)) : Constraints.NONE,
        annotations,
        chance(3) ? pick(SERIES) : null,
        chance(3) ? pick(BASES) : null);
  }

  private Object optionValue() {
    return switch (between(0, 4)) {
      case 0 -> in.next(Constraint.none());
      case 1 -> Double.longBitsToDouble(in.next(Constraint.none()));
      case 2 ->
          pick(
              List.of(
                  0.0,
                  -0.0,
                  1.0,
                  1.5,
                  1e20,
                  4.9e-324,
                  Double.NaN,
                  Double.POSITIVE_INFINITY,
                  Double.NEGATIVE_INFINITY));
      case 3 -> chance(2);
      default -> string();
    };
  }

  private String string() {
    return chance(2) ? pick(TRICKY_STRINGS) : text();
  }

  private String text() {
    int length = between(0, 12);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(CHARACTERS.charAt(between(0, CHARACTERS.length() - 1)));
    }
    return text.toString();
  }

  private boolean chance(int oneIn) {
    return between(0, oneIn - 1) == 0;
  }

  private int between(int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }

  private <T> T pick(List<T> items) {
    return items.get(between(0, items.size() - 1));
  }
}
