package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Relation;
import dev.bosun.charm.relation.InterfaceEndpoint;
import dev.bosun.charm.relation.TypedRelation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A relation read and written through an interface's records. */
final class TypedRelationView<L, R> implements TypedRelation<L, R> {
  private final Relation relation;
  private final InterfaceEndpoint<L, R> type;
  private final HookScope scope;

  TypedRelationView(Relation relation, InterfaceEndpoint<L, R> type, HookScope scope) {
    this.relation = relation;
    this.type = type;
    this.scope = scope;
  }

  @Override
  public Relation relation() {
    return relation;
  }

  @Override
  public Map<String, R> remoteUnits() {
    scope.ensureOpen();
    Map<String, R> records = new LinkedHashMap<>();
    for (String unit : relation.units()) {
      type.remote().decode(relation.unitData(unit).asMap()).ifPresent(r -> records.put(unit, r));
    }
    return Collections.unmodifiableMap(records);
  }

  @Override
  public Optional<R> remoteApplication() {
    scope.ensureOpen();
    Map<String, String> data =
        relation.isPeer()
            ? relation.applicationData().asMap()
            : relation.remoteApplicationData().asMap();
    return type.remote().decode(data);
  }

  @Override
  public void publish(L value) {
    requireNonNull(value, "value");
    relation.localUnitData().putAll(type.local().encode(value));
  }

  @Override
  public void publishApplication(L value) {
    requireNonNull(value, "value");
    relation.applicationData().putAll(type.local().encode(value));
  }

  @Override
  public String toString() {
    return "TypedRelation[" + relation + " as " + type.role() + " of " + type.interfaceName() + "]";
  }
}
