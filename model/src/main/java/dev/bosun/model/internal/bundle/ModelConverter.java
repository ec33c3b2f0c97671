package dev.bosun.model.internal.bundle;

import static dev.bosun.model.internal.GoFormat.quote;

import dev.bosun.model.BosunException;
import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmReferences;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.bundle.BundlePart.Entity;
import dev.bosun.model.internal.bundle.BundlePart.Field;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ConstraintsException;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Names;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.PlacementException;
import dev.bosun.model.spec.RelationSpec;
import dev.bosun.model.spec.ResourceRef;
import dev.bosun.model.spec.SaasSpec;
import dev.bosun.model.spec.StorageDirective;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a merged bundle into a {@link ModelSpec} and the {@link SourceMap} that says where each
 * part was written. Resolves includes and relative charm paths, parses placement, constraints and
 * storage, and reports what cannot be represented in the model (malformed values, relations without
 * two sides, consumed offers, offers, plans) at the node that holds it.
 */
final class ModelConverter {
  private static final String APPS = "applications";

  private final BundlePart bundle;
  private final Map<String, Path> directories;
  private final Includes includes;
  private final List<Problem> problems;
  private final SourceMap.Builder sources = SourceMap.builder();

  private ModelConverter(BundlePart bundle, Map<String, Path> directories, List<Problem> problems) {
    this.bundle = bundle;
    this.directories = directories;
    this.includes = new Includes(directories);
    this.problems = problems;
  }

  /**
   * The model and where its parts came from.
   *
   * @param model the model, not validated
   * @param sources the locations of its parts
   */
  record Result(ModelSpec model, SourceMap sources) {}

  static Result convert(BundlePart bundle, Map<String, Path> directories, List<Problem> problems) {
    return new ModelConverter(bundle, directories, problems).convert();
  }

  private Result convert() {
    ModelSpec.Builder model = ModelSpec.builder();
    for (Field field : bundle.top.values()) {
      String key = field.key().text();
      record(field, key);
      String text = text(field.value());
      switch (key) {
        case "bundle" -> model.type(text == null ? "" : text);
        case "series" -> model.series(emptyToNull(text));
        case "default-base" -> model.defaultBase(emptyToNull(text));
        case "description" -> model.description(emptyToNull(text));
        default -> throw new IllegalStateException(key);
      }
    }
    boolean kubernetes =
        bundle.top.containsKey("bundle")
            && "kubernetes".equals(text(bundle.top.get("bundle").value()));
    if (bundle.applicationsKey != null) {
      sources.key(bundle.applicationsKey.key().location(), APPS);
    } else {
      sources.key(bundle.root, APPS);
    }
    if (bundle.applications != null) {
      for (Entity entity : bundle.applications.values()) {
        ApplicationSpec application = application(entity, kubernetes);
        if (application != null) {
          model.application(application);
        }
      }
    }
    if (bundle.machinesKey != null) {
      sources.key(bundle.machinesKey.key().location(), "machines");
    }
    if (bundle.machines != null) {
      for (Entity entity : bundle.machines.values()) {
        model.machine(machine(entity));
      }
    }
    relations(model);
    saas(model);
    return new Result(model.buildUnvalidated(), sources.build());
  }

  private ApplicationSpec application(Entity entity, boolean kubernetes) {
    String name = entity.name();
    sources.key(entity.key.location(), APPS, name);
    sources.value(entity.body.location(), APPS, name);
    if (entity.body.isNull()) {
      error(entity.key, "bundle application for key %s is undefined", quote(name));
      return null;
    }
    ApplicationSpec.Builder app = ApplicationSpec.builder(name).charm("").units(0);
    for (Map.Entry<String, Field> named : entity.fields.entrySet()) {
      String key = named.getKey(); // scale is filed as num_units, placement as to
      Field field = named.getValue();
      sources.key(field.key().location(), APPS, name, key);
      sources.value(field.value().location(), APPS, name, key);
      YamlNode value = field.value();
      switch (key) {
        case "charm" -> app.charm(charm(name, value));
        case "channel" -> app.channel(emptyToNull(text(value)));
        case "revision" -> app.revision(integer(value, "revision of application " + quote(name)));
        case "series" -> app.series(emptyToNull(text(value)));
        case "base" -> app.base(emptyToNull(text(value)));
        case "num_units" -> {
          Integer units = integer(value, "num_units of application " + quote(name));
          app.units(units == null ? 0 : units);
        }
        case "to" -> app.to(placements(name, value, kubernetes));
        case "expose" -> app.expose(Boolean.TRUE.equals(((YamlScalar) value).value()));
        case "trust" -> app.trust(Boolean.TRUE.equals(((YamlScalar) value).value()));
        case "options" -> options(app, name, field);
        case "annotations" -> {
          for (YamlMapping.Entry entry : entries(field, APPS, name, key)) {
            String text = annotation(entry, "application " + quote(name));
            if (text != null) {
              app.annotation(entry.key().text(), text);
            }
          }
        }
        case "constraints" -> app.constraints(constraints(field, "application " + quote(name)));
        case "storage" -> {
          for (YamlMapping.Entry entry : entries(field, APPS, name, key)) {
            String text = text(entry.value());
            if (text == null) {
              continue;
            }
            try {
              app.storage(entry.key().text(), StorageDirective.parse(text));
            } catch (BosunException e) {
              error(
                  entry.value(),
                  "invalid storage %s in application %s: %s",
                  quote(entry.key().text()),
                  quote(name),
                  e.getMessage());
            }
          }
        }
        case "devices" -> {
          for (YamlMapping.Entry entry : entries(field, APPS, name, key)) {
            String text = text(entry.value());
            if (text != null) {
              app.device(entry.key().text(), text);
            }
          }
        }
        case "bindings" -> {
          for (YamlMapping.Entry entry : entries(field, APPS, name, key)) {
            String text = text(entry.value());
            if (text != null) {
              app.binding(entry.key().text(), text);
            }
          }
        }
        case "resources" -> resources(app, name, field);
        case "exposed-endpoints" -> exposedEndpoints(app, name, field);
        case "offers" -> offers(name, field);
        case "plan" -> {
          String text = text(value);
          if (text != null && !text.isEmpty()) {
            warning(
                field.key(),
                "plan %s of application %s is ignored: plans are not supported",
                quote(text),
                quote(name));
          }
        }
        default -> throw new IllegalStateException(key);
      }
    }
    return app.build();
  }

  private String charm(String application, YamlNode value) {
    String text = text(value);
    if (text == null) {
      return "";
    }
    if (!CharmReferences.isLocalPath(text)) {
      return text;
    }
    Path path = Path.of(text);
    if (!path.isAbsolute()) {
      Path directory = directories.getOrDefault(value.location().file(), Path.of(""));
      path = directory.resolve(text).toAbsolutePath().normalize();
    }
    if (!Files.exists(path)) {
      error(value, "charm path in application %s does not exist: %s", quote(application), path);
    }
    return path.toString();
  }

  private List<Placement> placements(String application, YamlNode value, boolean kubernetes) {
    List<Placement> placements = new ArrayList<>();
    if (!(value instanceof YamlSequence list)) {
      return placements;
    }
    for (YamlNode item : list.items()) {
      String text = ((YamlScalar) item).text();
      Placement placement;
      if (kubernetes) {
        // A Kubernetes placement is a node selector, kept as written.
        placement = new Placement(null, text, null, -1);
      } else {
        try {
          placement = Placement.parse(text);
        } catch (PlacementException e) {
          error(item, "%s", e.getMessage());
          continue;
        }
        if (placement.isApplication()
            && placement.containerType() == null
            && placement.unit() < 0
            && (placement.application().equals("lxd") || placement.application().equals("kvm"))
            && (bundle.applications == null
                || !bundle.applications.containsKey(placement.application()))) {
          placement = new Placement(placement.application(), "new", null, -1);
        }
      }
      sources.key(item.location(), APPS, application, "to", Integer.toString(placements.size()));
      placements.add(placement);
    }
    return placements;
  }

  private void options(ApplicationSpec.Builder app, String name, Field field) {
    for (YamlMapping.Entry entry : entries(field, APPS, name, "options")) {
      YamlScalar value = (YamlScalar) entry.value();
      String option = entry.key().text();
      Object typed = value.value();
      if (typed == null) {
        continue;
      }
      if (typed instanceof BigInteger) {
        error(
            value,
            "option %s of application %s: %s is out of range for an integer",
            quote(option),
            quote(name),
            value.text());
        continue;
      }
      if (Includes.isInclude(value)) {
        try {
          typed = includes.resolve(value);
        } catch (IllegalArgumentException e) {
          error(
              value,
              "processing option %s for application %s: %s",
              quote(option),
              quote(name),
              e.getMessage());
          continue;
        }
      }
      app.option(option, typed);
    }
  }

  /** Returns an annotation's text with includes resolved, or null when it is null or fails. */
  private String annotation(YamlMapping.Entry entry, String owner) {
    YamlScalar value = (YamlScalar) entry.value();
    if (value.value() == null) {
      return null;
    }
    if (!Includes.isInclude(value)) {
      return value.text();
    }
    try {
      return includes.resolve(value);
    } catch (IllegalArgumentException e) {
      error(
          value,
          "processing annotation %s for %s: %s",
          quote(entry.key().text()),
          owner,
          e.getMessage());
      return null;
    }
  }

  private Constraints constraints(Field field, String owner) {
    String text = text(field.value());
    if (text == null || text.isBlank()) {
      return Constraints.NONE;
    }
    try {
      return Constraints.parse(text);
    } catch (ConstraintsException e) {
      error(field.value(), "invalid constraints %s in %s: %s", quote(text), owner, e.getMessage());
      return Constraints.NONE;
    }
  }

  private void resources(ApplicationSpec.Builder app, String name, Field field) {
    for (YamlMapping.Entry entry : entries(field, APPS, name, "resources")) {
      YamlScalar value = (YamlScalar) entry.value();
      if (value.value() == null) {
        continue;
      }
      if (value.type() == YamlScalar.Type.INT) {
        Integer revision = integer(value, "revision of resource " + quote(entry.key().text()));
        if (revision != null) {
          app.resource(entry.key().text(), ResourceRef.revision(revision));
        }
      } else {
        app.resource(entry.key().text(), ResourceRef.path(value.text()));
      }
    }
  }

  private void exposedEndpoints(ApplicationSpec.Builder app, String name, Field field) {
    for (YamlMapping.Entry entry : entries(field, APPS, name, "exposed-endpoints")) {
      String endpoint = entry.key().text();
      List<String> spaces = new ArrayList<>();
      List<String> cidrs = new ArrayList<>();
      if (entry.value() instanceof YamlMapping rule) {
        for (YamlMapping.Entry detail : rule.entries()) {
          String key = detail.key().text();
          List<String> into =
              switch (key) {
                case "expose-to-spaces" -> spaces;
                case "expose-to-cidrs" -> cidrs;
                default -> null;
              };
          if (into == null || !(detail.value() instanceof YamlSequence list)) {
            continue;
          }
          sources.key(detail.key().location(), APPS, name, "exposed-endpoints", endpoint, key);
          for (YamlNode item : list.items()) {
            sources.key(
                item.location(),
                APPS,
                name,
                "exposed-endpoints",
                endpoint,
                key,
                Integer.toString(into.size()));
            into.add(((YamlScalar) item).text());
          }
        }
      }
      app.exposedEndpoint(endpoint, new ExposedEndpoint(spaces, cidrs));
    }
  }

  private void offers(String application, Field field) {
    for (YamlMapping.Entry entry : entries(field, APPS, application, "offers")) {
      String offer = entry.key().text();
      if (!Names.isValidApplication(offer)) {
        error(
            entry.key(),
            "invalid offer name %s in application %s",
            quote(offer),
            quote(application));
      }
      if (entry.value() instanceof YamlMapping details
          && details.get("endpoints").orElse(null) instanceof YamlSequence endpoints) {
        for (YamlNode item : endpoints.items()) {
          String endpoint = ((YamlScalar) item).text();
          if (!Names.isValidEndpoint(endpoint)) {
            error(
                item,
                "invalid endpoint name %s for offer %s in application %s",
                quote(endpoint),
                quote(offer),
                quote(application));
          }
        }
      }
      warning(
          entry.key(),
          "offer %s of application %s is ignored: offers (cross-model relations) are not"
              + " supported yet",
          quote(offer),
          quote(application));
    }
  }

  private MachineSpec machine(Entity entity) {
    String id = entity.name();
    sources.key(entity.key.location(), "machines", id);
    sources.value(entity.body.location(), "machines", id);
    MachineSpec machine = MachineSpec.of(id);
    Constraints constraints = Constraints.NONE;
    Map<String, String> annotations = new TreeMap<>();
    String series = null;
    String base = null;
    for (Field field : entity.fields.values()) {
      String key = field.key().text();
      sources.key(field.key().location(), "machines", id, key);
      sources.value(field.value().location(), "machines", id, key);
      switch (key) {
        case "constraints" -> constraints = constraints(field, "machine " + quote(id));
        case "annotations" -> {
          for (YamlMapping.Entry entry : entries(field, "machines", id, key)) {
            String text = annotation(entry, "machine " + quote(id));
            if (text != null) {
              annotations.put(entry.key().text(), text);
            }
          }
        }
        case "series" -> series = emptyToNull(text(field.value()));
        case "base" -> base = emptyToNull(text(field.value()));
        default -> throw new IllegalStateException(key);
      }
    }
    return new MachineSpec(machine.id(), constraints, annotations, series, base);
  }

  private void relations(ModelSpec.Builder model) {
    if (bundle.relationsKey != null) {
      sources.key(bundle.relationsKey.key().location(), "relations");
    }
    int index = 0;
    for (YamlSequence relation : bundle.relations) {
      List<String> sides = new ArrayList<>(relation.items().size());
      for (YamlNode side : relation.items()) {
        sides.add(((YamlScalar) side).text());
      }
      if (sides.size() != 2) {
        error(
            relation,
            "relation %s has %d endpoint(s), not 2",
            GoFormat.quoteList(sides),
            sides.size());
        continue;
      }
      String at = Integer.toString(index++);
      sources.key(relation.location(), "relations", at);
      sources.key(relation.items().get(0).location(), "relations", at, "0");
      sources.key(relation.items().get(1).location(), "relations", at, "1");
      model.relation(RelationSpec.of(sides.get(0), sides.get(1)));
    }
  }

  private void saas(ModelSpec.Builder model) {
    if (bundle.saas == null || bundle.saas.isEmpty()) {
      return;
    }
    sources.key(bundle.saasKey.key().location(), "saas");
    Entity first = null;
    for (Entity entity : bundle.saas.values()) {
      first = first == null ? entity : first;
      String name = entity.name();
      sources.key(entity.key.location(), "saas", name);
      String url = "";
      Field field = entity.fields.get("url");
      if (field != null) {
        sources.key(field.key().location(), "saas", name, "url");
        sources.value(field.value().location(), "saas", name, "url");
        url = text(field.value()) == null ? "" : text(field.value());
      }
      model.saas(new SaasSpec(name, url));
    }
    error(
        first.key,
        "cross-model relations (saas) are not supported yet: remove the saas section and the"
            + " relations that use its entries");
  }

  /** Records the entries of a map field and returns the non-null ones. */
  private List<YamlMapping.Entry> entries(Field field, String... path) {
    List<YamlMapping.Entry> kept = new ArrayList<>();
    if (field.entries() == null) {
      return kept;
    }
    String[] entryPath = Arrays.copyOf(path, path.length + 1);
    for (YamlMapping.Entry entry : field.entries().values()) {
      entryPath[path.length] = entry.key().text();
      sources.key(entry.key().location(), entryPath);
      sources.value(entry.value().location(), entryPath);
      if (!entry.value().isNull()) {
        kept.add(entry);
      }
    }
    return kept;
  }

  private Integer integer(YamlNode value, String what) {
    if (!(value instanceof YamlScalar scalar) || scalar.value() == null) {
      return null;
    }
    Object number = scalar.value();
    if (number instanceof Long big && big >= Integer.MIN_VALUE && big <= Integer.MAX_VALUE) {
      return big.intValue();
    }
    error(value, "%s is out of range: %s", what, scalar.text());
    return null;
  }

  private void record(Field field, String key) {
    sources.key(field.key().location(), key);
    sources.value(field.value().location(), key);
  }

  private static String text(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.value() != null ? scalar.text() : null;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private void error(YamlNode at, String format, Object... args) {
    problems.add(Problem.error(at.location(), String.format(format, args)));
  }

  private void warning(YamlNode at, String format, Object... args) {
    problems.add(Problem.warning(at.location(), String.format(format, args)));
  }
}
