package dev.bosun.model.internal.bundle;

import static dev.bosun.model.internal.GoFormat.quote;

import dev.bosun.model.Problem;
import dev.bosun.model.internal.bundle.BundlePart.Entity;
import dev.bosun.model.internal.bundle.BundlePart.Field;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ConstraintsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the shape of one bundle document and turns it into a {@link BundlePart}: type errors (a
 * string where a mapping is expected, ...) are errors at the node and the value is dropped; unknown
 * keys are warnings. Also applies Juju's per-document normalisation ({@code scale} into {@code
 * num_units}, Kubernetes {@code placement} into {@code to}), the legacy {@code services} key, and
 * the overlay-only rules.
 */
final class PartReader {
  private static final Set<String> TOP_SCALARS =
      Set.of("bundle", "series", "default-base", "description");

  /** Charmhub bundle metadata: valid in bundle files, not part of the model. */
  private static final Set<String> TOP_IGNORED =
      Set.of("tags", "name", "docs", "issues", "source", "website");

  private final List<Problem> problems;
  private final int index;
  private final boolean kubernetes;

  private PartReader(List<Problem> problems, int index, boolean kubernetes) {
    this.problems = problems;
    this.index = index;
    this.kubernetes = kubernetes;
  }

  /**
   * Reads one document.
   *
   * @param document the document's root node
   * @param index 0 for the base document, then overlays in order
   * @param kubernetes whether the base document declares {@code bundle: kubernetes}
   * @param problems where problems go
   */
  static BundlePart read(YamlNode document, int index, boolean kubernetes, List<Problem> problems) {
    return new PartReader(problems, index, kubernetes).read(document);
  }

  private BundlePart read(YamlNode document) {
    BundlePart part = new BundlePart(document.location());
    if (document.isNull()) {
      return part;
    }
    if (!(document instanceof YamlMapping root)) {
      error(document, "a bundle document must be a mapping, got %s", Shapes.describe(document));
      return part;
    }
    YamlMapping.Entry services = null;
    for (YamlMapping.Entry entry : root.entries()) {
      String key = entry.key().text();
      YamlNode value = entry.value();
      switch (key) {
        case "applications" -> {
          part.applicationsKey = entry;
          part.applications = entities(entry, "application", Kind.APPLICATION_FIELDS);
        }
        case "services" -> services = entry;
        case "machines" -> {
          part.machinesKey = entry;
          part.machines = entities(entry, "machine", Kind.MACHINE_FIELDS);
        }
        case "saas" -> {
          part.saasKey = entry;
          part.saas = entities(entry, "SAAS", Kind.SAAS_FIELDS);
        }
        case "relations" -> relations(part, entry);
        default -> {
          if (TOP_SCALARS.contains(key)) {
            if (checkKind(entry, Kind.STRING, key)) {
              part.top.put(key, new Field(entry, null));
            }
          } else if (TOP_IGNORED.contains(key)) {
            if (key.equals("tags")) {
              checkKind(entry, Kind.STRING_LIST, key);
            }
          } else {
            warning(
                entry.key(),
                "unknown key %s at the top level of the bundle is ignored",
                quote(key));
          }
        }
      }
    }
    if (services != null) {
      if (index > 0) {
        error(
            services.key(),
            "bundle overlay file used deprecated 'services' key, this is not valid for bundle"
                + " overlay files");
      } else if (part.applicationsKey != null) {
        error(services.key(), "cannot specify both applications and services");
      } else {
        warning(services.key(), "the 'services' key is deprecated; use 'applications'");
        part.applicationsKey = services;
        part.applications = entities(services, "application", Kind.APPLICATION_FIELDS);
      }
    }
    if (part.applications != null) {
      for (Entity application : part.applications.values()) {
        normalise(application);
      }
    }
    return part;
  }

  private Map<String, Entity> entities(
      YamlMapping.Entry entry, String what, Map<String, Kind> fields) {
    Map<String, Entity> entities = new LinkedHashMap<>();
    YamlNode value = entry.value();
    if (value.isNull()) {
      return entities;
    }
    if (!(value instanceof YamlMapping mapping)) {
      error(value, "%s must be a mapping, got %s", entry.key().text(), Shapes.describe(value));
      return null;
    }
    for (YamlMapping.Entry item : mapping.entries()) {
      String name = item.key().text();
      YamlNode body = item.value();
      if (!body.isNull() && !(body instanceof YamlMapping)) {
        error(body, "%s %s must be a mapping, got %s", what, quote(name), Shapes.describe(body));
        continue;
      }
      Entity entity = new Entity(item.key(), body);
      if (body instanceof YamlMapping bodyMapping) {
        for (YamlMapping.Entry field : bodyMapping.entries()) {
          readField(entity, what, field, fields);
        }
      }
      entities.put(name, entity);
    }
    return entities;
  }

  private void readField(
      Entity entity, String what, YamlMapping.Entry field, Map<String, Kind> fields) {
    String key = field.key().text();
    Kind kind = fields.get(key);
    String owner = what + " " + quote(entity.name());
    if (kind == null) {
      warning(field.key(), "unknown key %s in %s is ignored", quote(key), owner);
      return;
    }
    if (index == 0 && what.equals("application") && Kind.OVERLAY_ONLY.contains(key)) {
      overlayOnly("applications." + entity.name() + "." + key, field);
      return;
    }
    if (!kind.isMap()) {
      if (checkKind(field, kind, key + " of " + owner)) {
        entity.fields.put(key, new Field(field, null));
        if (index == 0 && key.equals("constraints")) {
          checkBaseConstraints(field, owner);
        }
      }
      return;
    }
    Map<String, YamlMapping.Entry> entries = mapEntries(field, kind, owner, entity.name());
    if (entries != null) {
      entity.fields.put(key, new Field(field, entries));
    }
  }

  /**
   * Juju's base-bundle check: an {@code image-id} constraint is only accepted from an overlay. A
   * constraint string that does not parse is reported when the model is built.
   */
  private void checkBaseConstraints(YamlMapping.Entry field, String owner) {
    if (!(field.value() instanceof YamlScalar scalar) || scalar.value() == null) {
      return;
    }
    try {
      if (Constraints.parse(scalar.text()).imageId() != null) {
        error(
            scalar,
            "invalid constraints %s in %s: 'image-id' constraint in a base bundle not supported",
            quote(scalar.text()),
            owner);
      }
    } catch (ConstraintsException e) {
      // Reported with the model.
    }
  }

  /**
   * Checks a map-valued key of an owner (such as {@code application "etcd"}); returns its entries
   * (empty when null), or null when ill-typed.
   */
  private Map<String, YamlMapping.Entry> mapEntries(
      YamlMapping.Entry field, Kind kind, String owner, String application) {
    String what = field.key().text() + " of " + owner;
    YamlNode value = field.value();
    Map<String, YamlMapping.Entry> entries = new LinkedHashMap<>();
    if (value.isNull()) {
      return entries;
    }
    if (!(value instanceof YamlMapping mapping)) {
      error(value, "%s must be a mapping, got %s", what, Shapes.describe(value));
      return null;
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      YamlNode item = entry.value();
      String name = entry.key().text();
      boolean ok =
          switch (kind) {
            case TEXT_MAP, OPTION_MAP -> {
              if (item instanceof YamlScalar) {
                yield true;
              }
              error(
                  item,
                  "%s %s of %s must be a string, number or boolean, got %s",
                  singular(field.key().text()),
                  quote(name),
                  owner,
                  Shapes.describe(item));
              yield false;
            }
            case RESOURCE_MAP -> {
              if (item.isNull()
                  || (item instanceof YamlScalar scalar
                      && (scalar.type() == YamlScalar.Type.INT
                          || scalar.type() == YamlScalar.Type.STRING))) {
                yield true;
              }
              error(item, "resource revision %s is not int or string", quote(application));
              yield false;
            }
            case EXPOSE_MAP -> nested(entry, Kind.EXPOSE_FIELDS, "exposed endpoint " + quote(name));
            case OFFER_MAP -> nested(entry, Kind.OFFER_FIELDS, "offer " + quote(name));
            default -> throw new IllegalStateException(kind.toString());
          };
      if (ok) {
        entries.put(name, entry);
      }
    }
    return entries;
  }

  private boolean nested(YamlMapping.Entry entry, Map<String, Kind> fields, String what) {
    YamlNode value = entry.value();
    if (value.isNull()) {
      return true;
    }
    if (!(value instanceof YamlMapping mapping)) {
      error(value, "%s must be a mapping, got %s", what, Shapes.describe(value));
      return false;
    }
    boolean ok = true;
    for (YamlMapping.Entry field : mapping.entries()) {
      String key = field.key().text();
      Kind kind = fields.get(key);
      if (kind == null) {
        warning(field.key(), "unknown key %s in %s is ignored", quote(key), what);
      } else if (kind == Kind.TEXT_MAP) {
        ok &= mapEntries(field, Kind.TEXT_MAP, what, "") != null;
      } else {
        ok &= checkKind(field, kind, key + " of " + what);
      }
    }
    return ok;
  }

  /** Checks a scalar or list value; reports a type error and returns false when it does not fit. */
  private boolean checkKind(YamlMapping.Entry entry, Kind kind, String what) {
    YamlNode value = entry.value();
    if (value.isNull()) {
      return true;
    }
    boolean fits =
        switch (kind) {
          case STRING -> value instanceof YamlScalar;
          case INT -> value instanceof YamlScalar scalar && scalar.type() == YamlScalar.Type.INT;
          case BOOL ->
              value instanceof YamlScalar scalar && scalar.type() == YamlScalar.Type.BOOLEAN;
          case STRING_LIST -> {
            if (!(value instanceof YamlSequence sequence)) {
              yield false;
            }
            boolean items = true;
            for (YamlNode item : sequence.items()) {
              if (!Shapes.isText(item)) {
                error(
                    item, "each item of %s must be a string, got %s", what, Shapes.describe(item));
                items = false;
              }
            }
            yield items;
          }
          default -> throw new IllegalStateException(kind.toString());
        };
    if (!fits && !(kind == Kind.STRING_LIST && value instanceof YamlSequence)) {
      error(value, "%s must be %s, got %s", what, Shapes.expected(kind), Shapes.describe(value));
    }
    return fits;
  }

  private void relations(BundlePart part, YamlMapping.Entry entry) {
    part.relationsKey = entry;
    YamlNode value = entry.value();
    if (value.isNull()) {
      return;
    }
    if (!(value instanceof YamlSequence sequence)) {
      error(value, "relations must be a sequence, got %s", Shapes.describe(value));
      return;
    }
    for (YamlNode item : sequence.items()) {
      if (!(item instanceof YamlSequence relation)) {
        error(
            item,
            "a relation must be a sequence of two endpoints such as [app:endpoint, app], got %s",
            Shapes.describe(item));
        continue;
      }
      boolean ok = true;
      for (YamlNode side : relation.items()) {
        if (!Shapes.isText(side)) {
          error(side, "a relation endpoint must be a string, got %s", Shapes.describe(side));
          ok = false;
        }
      }
      if (ok) {
        part.relations.add(relation);
      }
    }
  }

  /** Juju's normalisation: scale into num_units; Kubernetes placement into to. */
  private void normalise(Entity application) {
    String name = application.name();
    Field scale = application.fields.remove("scale");
    Field numUnits = application.fields.get("num_units");
    if (scale != null) {
      if (numUnits != null && intValue(scale) > 0 && intValue(numUnits) > 0) {
        error(
            scale.key(), "cannot specify both scale and num_units for application %s", quote(name));
      } else if (numUnits == null || intValue(numUnits) == 0) {
        application.fields.put("num_units", scale);
      }
    }
    Field placement = application.fields.remove("placement");
    if (placement == null || !Shapes.isText(placement.value())) {
      return;
    }
    YamlScalar text = (YamlScalar) placement.value();
    if (text.text().isEmpty()) {
      return;
    }
    if (!kubernetes) {
      error(
          placement.key(),
          "placement (%s) not valid for non-Kubernetes application %s",
          text.text(),
          quote(name));
      return;
    }
    Field to = application.fields.get("to");
    if (to != null && to.value() instanceof YamlSequence list && !list.items().isEmpty()) {
      error(
          placement.key(), "cannot specify both placement and to for application %s", quote(name));
      return;
    }
    YamlSequence asList = new YamlSequence(List.of(text), text.location());
    application.fields.put("to", new Field(new YamlMapping.Entry(placement.key(), asList), null));
  }

  private static String singular(String key) {
    return switch (key) {
      case "options" -> "option";
      case "annotations" -> "annotation";
      case "bindings" -> "binding of endpoint";
      case "devices" -> "device";
      case "acl" -> "access of user";
      default -> key;
    };
  }

  private static long intValue(Field field) {
    return field.value() instanceof YamlScalar scalar && scalar.value() instanceof Long number
        ? number
        : 0;
  }

  /** Reports an overlay-only key in the base document, and each non-empty key below it. */
  private void overlayOnly(String path, YamlMapping.Entry field) {
    YamlNode value = field.value();
    if (isZero(value)) {
      return;
    }
    error(field.key(), "%s can only appear in an overlay section", path);
    if (value instanceof YamlMapping mapping) {
      for (YamlMapping.Entry item : mapping.entries()) {
        if (item.value() instanceof YamlMapping details) {
          for (YamlMapping.Entry detail : details.entries()) {
            if (!isZero(detail.value())) {
              error(
                  detail.key(),
                  "%s.%s.%s can only appear in an overlay section",
                  path,
                  item.key().text(),
                  detail.key().text());
            }
          }
        }
      }
    }
  }

  private static boolean isZero(YamlNode node) {
    return node.isNull()
        || (node instanceof YamlMapping mapping && mapping.entries().isEmpty())
        || (node instanceof YamlSequence sequence && sequence.items().isEmpty());
  }

  private void error(YamlNode at, String format, Object... args) {
    problems.add(Problem.error(at.location(), String.format(format, args)));
  }

  private void warning(YamlNode at, String format, Object... args) {
    problems.add(Problem.warning(at.location(), String.format(format, args)));
  }
}
