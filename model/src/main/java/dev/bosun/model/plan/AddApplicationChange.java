package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.CharmRefs;
import dev.bosun.model.internal.plan.Requires;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ResourceRef;
import dev.bosun.model.spec.StorageDirective;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deploy a new application ({@code deploy}), described as {@code deploy application etcd}.
 *
 * <p>Units are added by separate {@link AddUnitChange}s in a machine model, so {@code numUnits} is
 * 0 there and the description has no unit count; a Kubernetes model deploys with its scale ({@code
 * deploy application etcd with 3 units}). A charm URL whose name differs from the application's
 * adds {@code using <charm>}; a local charm (Bosun's) adds nothing, as in Juju.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application name
 * @param charm the placeholder of the change that uploads the charm, or the charm reference when
 *     the model already has it
 * @param charmReference the charm reference as the bundle writes it
 * @param revision the requested charm revision, or null
 * @param channel the requested channel, or null
 * @param base the base or series, or null
 * @param numUnits the scale of a Kubernetes application, else 0
 * @param options the configuration values
 * @param constraints the application's constraints
 * @param storage the storage directives
 * @param devices the device directives
 * @param endpointBindings endpoint to space bindings
 * @param resources the resources
 * @param trust whether to trust the application with cloud credentials
 */
public record AddApplicationChange(
    String id,
    List<String> requires,
    String application,
    String charm,
    String charmReference,
    Integer revision,
    String channel,
    String base,
    int numUnits,
    Map<String, Object> options,
    Constraints constraints,
    Map<String, StorageDirective> storage,
    Map<String, String> devices,
    Map<String, String> endpointBindings,
    Map<String, ResourceRef> resources,
    boolean trust)
    implements Change {

  /** Checks the components and copies the maps. */
  public AddApplicationChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
    requireNonNull(charm, "charm");
    requireNonNull(charmReference, "charmReference");
    options = Collections.unmodifiableMap(new TreeMap<>(options));
    constraints = constraints == null ? Constraints.NONE : constraints;
    storage = Collections.unmodifiableMap(new TreeMap<>(storage));
    devices = Collections.unmodifiableMap(new TreeMap<>(devices));
    endpointBindings = Collections.unmodifiableMap(new TreeMap<>(endpointBindings));
    resources = Collections.unmodifiableMap(new TreeMap<>(resources));
  }

  @Override
  public String method() {
    return "deploy";
  }

  @Override
  public List<String> descriptionLines() {
    StringBuilder text = new StringBuilder("deploy application ").append(application);
    String location = CharmRefs.location(charmReference);
    if (!location.isEmpty()) {
      text.append(" from ").append(location);
    }
    if (numUnits > 0) {
      text.append(" with ").append(numUnits).append(numUnits > 1 ? " units" : " unit");
    }
    if (base != null && !base.isEmpty()) {
      text.append(" on ").append(base);
    }
    if (channel != null && !channel.isEmpty()) {
      text.append(" with ").append(channel);
    }
    if (CharmRefs.isUrl(charmReference)) {
      String name = CharmRefs.displayName(charmReference);
      if (!application.equals(name)) {
        text.append(" using ").append(name);
      }
    }
    return List.of(text.toString());
  }
}
