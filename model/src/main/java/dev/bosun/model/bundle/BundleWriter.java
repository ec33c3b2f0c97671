package dev.bosun.model.bundle;

import dev.bosun.model.internal.bundle.YamlText;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.RelationSpec;
import dev.bosun.model.spec.ResourceRef;
import dev.bosun.model.spec.StorageDirective;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as bundle YAML in the shape {@code juju export-bundle} produces: top-level keys in
 * a fixed order ({@code bundle}, {@code description}, {@code series}, {@code default-base}, {@code
 * applications}, {@code machines}, {@code relations}), application keys in Juju's order, machine
 * ids quoted, relations as two-element lists, empty and default values left out. Per-endpoint
 * expose rules, which Juju only accepts in an overlay, go in a second document.
 *
 * <p>The output is deterministic, and reading it back with {@link BundleReader} gives an equal
 * {@link ModelSpec}:
 *
 * <pre>{@code
 * String yaml = BundleWriter.write(model);
 * assert reader.read(yaml, "export.yaml", dir).model().equals(model);
 * }</pre>
 *
 * <p>Consumed offers ({@code saas}) are written too, although Bosun does not deploy them yet.
 */
public final class BundleWriter {
  private static final String INDENT = "  ";

  private BundleWriter() {}

  /**
   * Returns the model as bundle YAML.
   *
   * @param model the model to export
   * @return the YAML text, ending with a newline
   */
  public static String write(ModelSpec model) {
    StringBuilder out = new StringBuilder();
    if (!model.type().isEmpty()) {
      line(out, 0, "bundle", YamlText.string(model.type()));
    }
    if (model.description() != null) {
      line(out, 0, "description", YamlText.string(model.description()));
    }
    if (model.series() != null) {
      line(out, 0, "series", YamlText.string(model.series()));
    }
    if (model.defaultBase() != null) {
      line(out, 0, "default-base", YamlText.string(model.defaultBase()));
    }
    if (!model.saas().isEmpty()) {
      out.append("saas:\n");
      model
          .saas()
          .values()
          .forEach(
              saas -> {
                out.append(INDENT).append(YamlText.string(saas.name())).append(":\n");
                line(out, 2, "url", YamlText.string(saas.url()));
              });
    }
    if (model.applications().isEmpty()) {
      out.append("applications: {}\n");
    } else {
      out.append("applications:\n");
      for (ApplicationSpec application : model.applications().values()) {
        application(out, model, application);
      }
    }
    if (!model.machines().isEmpty()) {
      out.append("machines:\n");
      for (MachineSpec machine : model.machines().values()) {
        machine(out, machine);
      }
    }
    if (!model.relations().isEmpty()) {
      out.append("relations:\n");
      for (RelationSpec relation : model.relations()) {
        out.append("- - ").append(YamlText.string(relation.first().toString())).append('\n');
        out.append("  - ").append(YamlText.string(relation.second().toString())).append('\n');
      }
    }
    exposedEndpointsOverlay(out, model);
    return out.toString();
  }

  private static void application(StringBuilder out, ModelSpec model, ApplicationSpec app) {
    StringBuilder body = new StringBuilder();
    line(body, 2, "charm", YamlText.string(app.charm()));
    if (app.channel() != null) {
      line(body, 2, "channel", YamlText.string(app.channel()));
    }
    if (app.revision() != null) {
      line(body, 2, "revision", app.revision().toString());
    }
    if (app.series() != null) {
      line(body, 2, "series", YamlText.string(app.series()));
    }
    if (app.base() != null) {
      line(body, 2, "base", YamlText.string(app.base()));
    }
    if (!app.resources().isEmpty()) {
      body.append(INDENT.repeat(2)).append("resources:\n");
      for (Map.Entry<String, ResourceRef> resource : app.resources().entrySet()) {
        ResourceRef ref = resource.getValue();
        String value =
            ref.revision() != null ? ref.revision().toString() : YamlText.string(ref.path());
        line(body, 3, YamlText.string(resource.getKey()), value);
      }
    }
    if (app.numUnits() != 0) {
      line(body, 2, model.isKubernetes() ? "scale" : "num_units", Integer.toString(app.numUnits()));
    }
    if (!app.to().isEmpty()) {
      body.append(INDENT.repeat(2)).append("to:\n");
      for (Placement placement : app.to()) {
        body.append(INDENT.repeat(2)).append("- ").append(YamlText.string(placement.toString()));
        body.append('\n');
      }
    }
    if (app.expose()) {
      line(body, 2, "expose", "true");
    }
    if (!app.options().isEmpty()) {
      body.append(INDENT.repeat(2)).append("options:\n");
      app.options()
          .forEach((key, value) -> line(body, 3, YamlText.string(key), YamlText.value(value)));
    }
    textMap(body, "annotations", app.annotations());
    if (!app.constraints().isEmpty()) {
      line(body, 2, "constraints", YamlText.string(app.constraints().toString()));
    }
    if (!app.storage().isEmpty()) {
      body.append(INDENT.repeat(2)).append("storage:\n");
      for (Map.Entry<String, StorageDirective> storage : app.storage().entrySet()) {
        line(
            body,
            3,
            YamlText.string(storage.getKey()),
            YamlText.string(storage.getValue().toString()));
      }
    }
    textMap(body, "devices", app.devices());
    textMap(body, "bindings", app.bindings());
    if (app.trust()) {
      line(body, 2, "trust", "true");
    }
    out.append(INDENT).append(YamlText.string(app.name())).append(":\n").append(body);
  }

  private static void machine(StringBuilder out, MachineSpec machine) {
    StringBuilder body = new StringBuilder();
    if (!machine.constraints().isEmpty()) {
      line(body, 2, "constraints", YamlText.string(machine.constraints().toString()));
    }
    textMap(body, "annotations", machine.annotations());
    if (machine.series() != null) {
      line(body, 2, "series", YamlText.string(machine.series()));
    }
    if (machine.base() != null) {
      line(body, 2, "base", YamlText.string(machine.base()));
    }
    String id = YamlText.doubleQuoted(machine.id());
    if (body.isEmpty()) {
      out.append(INDENT).append(id).append(": {}\n");
    } else {
      out.append(INDENT).append(id).append(":\n").append(body);
    }
  }

  private static void exposedEndpointsOverlay(StringBuilder out, ModelSpec model) {
    boolean any =
        model.applications().values().stream().anyMatch(a -> !a.exposedEndpoints().isEmpty());
    if (!any) {
      return;
    }
    out.append("--- # overlay: per-endpoint expose rules are only accepted in an overlay\n");
    out.append("applications:\n");
    for (ApplicationSpec app : model.applications().values()) {
      if (app.exposedEndpoints().isEmpty()) {
        continue;
      }
      out.append(INDENT).append(YamlText.string(app.name())).append(":\n");
      out.append(INDENT.repeat(2)).append("exposed-endpoints:\n");
      for (Map.Entry<String, ExposedEndpoint> entry : app.exposedEndpoints().entrySet()) {
        ExposedEndpoint rule = entry.getValue();
        String endpoint = YamlText.string(entry.getKey());
        if (rule.exposeToSpaces().isEmpty() && rule.exposeToCidrs().isEmpty()) {
          out.append(INDENT.repeat(3)).append(endpoint).append(": {}\n");
          continue;
        }
        out.append(INDENT.repeat(3)).append(endpoint).append(":\n");
        list(out, 4, "expose-to-spaces", rule.exposeToSpaces());
        list(out, 4, "expose-to-cidrs", rule.exposeToCidrs());
      }
    }
  }

  private static void textMap(StringBuilder out, String key, Map<String, String> map) {
    if (map.isEmpty()) {
      return;
    }
    out.append(INDENT.repeat(2)).append(key).append(":\n");
    map.forEach((name, value) -> line(out, 3, YamlText.string(name), YamlText.string(value)));
  }

  private static void list(StringBuilder out, int depth, String key, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append(INDENT.repeat(depth)).append(key).append(":\n");
    for (String item : items) {
      out.append(INDENT.repeat(depth)).append("- ").append(YamlText.string(item)).append('\n');
    }
  }

  private static void line(StringBuilder out, int depth, String key, String value) {
    out.append(INDENT.repeat(depth)).append(key).append(": ").append(value).append('\n');
  }
}
