package dev.bosun.interfaces;

import dev.bosun.charm.Relation;
import dev.bosun.charm.relation.InterfaceEndpoint;
import dev.bosun.charm.relation.TypedRelation;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A typed view over a {@link FakeRelation}, decoding with the endpoint's codecs as the SDK does.
 */
public final class FakeTypedRelation<L, R> implements TypedRelation<L, R> {
  private final FakeRelation relation;
  private final InterfaceEndpoint<L, R> endpoint;

  public FakeTypedRelation(FakeRelation relation, InterfaceEndpoint<L, R> endpoint) {
    this.relation = relation;
    this.endpoint = endpoint;
  }

  @Override
  public Relation relation() {
    return relation;
  }

  @Override
  public Map<String, R> remoteUnits() {
    Map<String, R> records = new TreeMap<>();
    for (String unit : relation.units()) {
      endpoint
          .remote()
          .decode(relation.unitData(unit).asMap())
          .ifPresent(r -> records.put(unit, r));
    }
    return records;
  }

  @Override
  public Optional<R> remoteApplication() {
    return endpoint.remote().decode(relation.remoteApplicationData().asMap());
  }

  @Override
  public void publish(L value) {
    relation.localUnitData().putAll(endpoint.local().encode(value));
  }

  @Override
  public void publishApplication(L value) {
    relation.applicationData().putAll(endpoint.local().encode(value));
  }
}
