package dev.bosun.testing;

import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.spi.RelationView;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link RelationState} as one hook sees it: during {@code relation-departed} the departing
 * remote unit is no longer a member (its data stays readable), during {@code relation-broken} there
 * are no members, as in Juju.
 */
final class ScenarioRelationView implements RelationView {
  private final RelationState relation;
  private final Endpoint endpoint;
  private final String remoteApplication;
  private final boolean broken;
  private final Set<String> remoteUnits;

  ScenarioRelationView(
      RelationState relation, Endpoint endpoint, String application, HookEvent event) {
    this.relation = relation;
    this.endpoint = endpoint;
    this.remoteApplication = relation.peer() ? application : relation.remoteApplication();
    this.broken = event instanceof RelationBroken broke && broke.relationId() == relation.id();
    TreeSet<String> members = new TreeSet<>(relation.remoteUnits().keySet());
    if (event instanceof RelationDeparted departed && departed.relationId() == relation.id()) {
      members.remove(departed.remoteUnit());
    }
    if (broken) {
      members.clear();
    }
    this.remoteUnits = Collections.unmodifiableSet(members);
  }

  @Override
  public int id() {
    return relation.id();
  }

  @Override
  public String endpoint() {
    return relation.endpoint();
  }

  @Override
  public String interfaceName() {
    return endpoint.interfaceName();
  }

  @Override
  public Role role() {
    return endpoint.role();
  }

  @Override
  public String remoteApplication() {
    return remoteApplication;
  }

  @Override
  public boolean isPeer() {
    return relation.peer();
  }

  @Override
  public boolean isBroken() {
    return broken;
  }

  @Override
  public Set<String> remoteUnits() {
    return remoteUnits;
  }

  @Override
  public Optional<Map<String, String>> remoteUnitData(String unit) {
    return Optional.ofNullable(relation.remoteUnits().get(unit));
  }

  @Override
  public Map<String, String> localUnitData() {
    return relation.localUnitData();
  }

  @Override
  public Map<String, String> localApplicationData() {
    return relation.localApplicationData();
  }

  @Override
  public Map<String, String> remoteApplicationData() {
    return relation.remoteApplicationData();
  }
}
