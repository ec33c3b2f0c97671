package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Bases;
import dev.bosun.model.internal.plan.CharmRefs;
import dev.bosun.model.internal.plan.Requires;
import java.util.List;

/**
 * Upgrade an application to another charm or a newer revision ({@code upgradeCharm}), described as
 * {@code upgrade etcd using charm etcd}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application's name
 * @param charm the charm reference, or the placeholder of the change that uploads it
 * @param charmReference the charm reference as the bundle writes it
 * @param revision the requested revision, or null
 * @param base the base or series, or null
 * @param channel the requested channel, or null
 */
public record UpgradeCharmChange(
    String id,
    List<String> requires,
    String application,
    String charm,
    String charmReference,
    Integer revision,
    String base,
    String channel)
    implements Change {

  /** Checks the components. */
  public UpgradeCharmChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
    requireNonNull(charm, "charm");
    requireNonNull(charmReference, "charmReference");
  }

  @Override
  public String method() {
    return "upgradeCharm";
  }

  @Override
  public List<String> descriptionLines() {
    StringBuilder text = new StringBuilder("upgrade ").append(application);
    String location = CharmRefs.location(charmReference);
    text.append(location.isEmpty() ? " " : " from " + location + " ");
    text.append("using charm ").append(CharmRefs.displayName(charmReference));
    if (base != null && !base.isEmpty()) {
      text.append(Bases.isBase(base) ? " for base " : " for series ").append(base);
    }
    if (channel != null && !channel.isEmpty()) {
      text.append(" from channel ").append(channel);
    }
    return List.of(text.toString());
  }
}
