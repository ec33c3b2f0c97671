package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.spec.ModelSpec;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Runtime#relationData}: the committed bags of a relation, as {@code juju show-unit}. */
class RelationDataTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private int relationId() {
    return h.runtime.status().relations().stream()
        .filter(relation -> relation.key().equals("client:db server:db"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private void deploy() {
    h.server.on(
        "db-relation-joined",
        ctx -> {
          ctx.relations("db").get(0).localUnitData().put("port", "5432");
          if (ctx.isLeader()) {
            ctx.relations("db").get(0).applicationData().put("database", "main");
          }
        });
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(2))
            .relate("client:db", "server:db")
            .build());
    h.settled();
  }

  @Test
  void readsAUnitsBagWithTheAddressesItGotOnEnteringScope() {
    deploy();
    String address = h.runtime.status().unit("server/0").orElseThrow().address();

    assertThat(h.runtime.relationData(relationId(), "server/0"))
        .containsEntry("port", "5432")
        .containsEntry("private-address", address)
        .containsEntry("ingress-address", address)
        .containsEntry("egress-subnets", address + "/32");
  }

  @Test
  void readsAnApplicationsBag() {
    deploy();

    assertThat(h.runtime.relationData(relationId(), "server"))
        .containsExactly(Map.entry("database", "main"));
    assertThat(h.runtime.relationData(relationId(), "client")).isEmpty();
  }

  @Test
  void keepsADepartedUnitsBagReadable() {
    h.client.on(
        "db-relation-changed", ctx -> ctx.relations("db").get(0).localUnitData().put("seen", "y"));
    deploy();
    h.runtime.removeUnits("client/1");
    h.settled();

    assertThat(h.runtime.status().unit("client/1")).isEmpty();
    assertThat(h.runtime.relationData(relationId(), "client/1")).containsEntry("seen", "y");
  }

  @Test
  void rejectsAnUnknownRelationAndAnApplicationOutsideTheRelation() {
    deploy();
    int id = relationId();

    assertThatThrownBy(() -> h.runtime.relationData(999, "server/0"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("relation \"999\" not found");
    assertThatThrownBy(() -> h.runtime.relationData(id, "plain/0"))
        .isInstanceOf(OperationException.class)
        .hasMessage("application \"plain\" is not in relation " + id + " (client:db server:db)");
  }
}
