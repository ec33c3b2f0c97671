package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Bases;
import dev.bosun.model.internal.plan.CharmRefs;
import dev.bosun.model.internal.plan.Requires;
import java.util.List;

/**
 * Make a charm available to the model ({@code addCharm}), described as {@code upload charm etcd}.
 *
 * <p>Bosun's charms are local (built into the runner, or a charm directory), so their references
 * are printed as written, which is Juju's wording for local charm paths: {@code upload charm etcd
 * for base ubuntu@22.04/stable}. References that are charm URLs ({@code ch:}, {@code cs:}, {@code
 * local:}) get Juju's store wording: {@code upload charm etcd from charm-hub}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param charm the charm reference
 * @param revision the requested revision, or null
 * @param base the base (such as {@code ubuntu@22.04/stable}) or series the charm is for, or null
 * @param channel the requested channel, or null
 * @param architecture the architecture from the application's constraints, or null
 */
public record AddCharmChange(
    String id,
    List<String> requires,
    String charm,
    Integer revision,
    String base,
    String channel,
    String architecture)
    implements Change {

  /** Checks the components. */
  public AddCharmChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(charm, "charm");
  }

  @Override
  public String method() {
    return "addCharm";
  }

  @Override
  public List<String> descriptionLines() {
    StringBuilder text = new StringBuilder("upload charm ").append(CharmRefs.displayName(charm));
    String location = CharmRefs.location(charm);
    if (!location.isEmpty()) {
      text.append(" from ").append(location);
    }
    if (base != null && !base.isEmpty()) {
      text.append(Bases.isBase(base) ? " for base " : " for series ").append(base);
    }
    if (revision != null && revision >= 0) {
      text.append(" with revision ").append(revision);
    } else if (channel != null && !channel.isEmpty()) {
      text.append(" from channel ").append(channel);
    }
    if (architecture != null && !architecture.isEmpty()) {
      text.append(" with architecture=").append(architecture);
    }
    return List.of(text.toString());
  }
}
