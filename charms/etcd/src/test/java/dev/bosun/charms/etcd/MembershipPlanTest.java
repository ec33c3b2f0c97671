package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charms.etcd.MembershipPlan.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MembershipPlanTest {
  private static String url(int n) {
    return "https://127.77.0." + (n + 2) + ":2380";
  }

  private static Map<String, String> desired(int... units) {
    Map<String, String> members = new TreeMap<>();
    for (int unit : units) {
      members.put("etcd" + unit, url(unit));
    }
    return members;
  }

  private static Member started(int unit) {
    return new Member(100 + unit, "etcd" + unit, List.of(url(unit)));
  }

  @Test
  void aSettledClusterNeedsNothing() {
    MembershipPlan plan =
        MembershipPlan.plan(desired(0, 1, 2), List.of(started(0), started(1), started(2)), "etcd0");

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.joining()).isEmpty();
  }

  @Test
  void missingMembersAreAddedOneAtATimeLowestUnitFirst() {
    MembershipPlan plan =
        MembershipPlan.plan(
            desired(0, 1, 2, 10, 3), List.of(started(0), started(1), started(2)), "etcd0");

    assertThat(plan.addition()).contains(new Member(0, "etcd3", List.of(url(3))));
    assertThat(plan.removals()).isEmpty();
  }

  @Test
  void nothingIsAddedWhileAnAddedMemberHasNotStarted() {
    Member unstarted = new Member(103, "", List.of(url(3)));

    MembershipPlan plan =
        MembershipPlan.plan(
            desired(0, 1, 2, 3, 4),
            List.of(started(0), started(1), started(2), unstarted),
            "etcd0");

    assertThat(plan.addition()).isEmpty();
    assertThat(plan.joining()).contains("etcd3");
    assertThat(plan.removals()).isEmpty();
  }

  @Test
  void membersNoUnitClaimsAreRemovedButNeverThisUnitsOwn() {
    Member orphanUnstarted = new Member(109, "", List.of(url(9)));

    MembershipPlan plan =
        MembershipPlan.plan(
            desired(1, 2),
            List.of(started(0), started(1), started(2), started(4), orphanUnstarted),
            "etcd0");

    assertThat(plan.removals()).containsExactly(104L, 109L);
    assertThat(plan.addition()).as("no join while removing").isEmpty();
  }

  @Test
  void aStartedMemberWithAnotherPeerUrlIsUpdatedNotRemoved() {
    Member moved = new Member(101, "etcd1", List.of("https://127.77.0.3:2390"));

    MembershipPlan plan = MembershipPlan.plan(desired(0, 1), List.of(started(0), moved), "etcd0");

    assertThat(plan.removals()).isEmpty();
    assertThat(plan.updates()).containsExactly(Map.entry(101L, url(1)));
  }

  @Test
  void theJoinClusterListsStartedMembersAndTheNewOneInUnitOrder() {
    List<Member> afterAdd = List.of(started(10), started(2), new Member(103, "", List.of(url(3))));

    assertThat(MembershipPlan.joinCluster(afterAdd, "etcd3", url(3)))
        .isEqualTo("etcd2=" + url(2) + ",etcd3=" + url(3) + ",etcd10=" + url(10));
  }

  @Test
  void aRemovalKeepsQuorumOnlyWhenAMajorityOfTheRemainingMembersAnswer() {
    List<Member> remaining = List.of(started(0), started(1), started(2));

    assertThat(MembershipPlan.keepsQuorum(remaining, java.util.Set.of(100L, 101L))).isTrue();
    assertThat(MembershipPlan.keepsQuorum(remaining, java.util.Set.of(100L))).isFalse();
    assertThat(MembershipPlan.keepsQuorum(List.of(started(0), started(1)), java.util.Set.of(100L)))
        .as("two members need both")
        .isFalse();
    assertThat(MembershipPlan.keepsQuorum(List.of(), java.util.Set.of())).isFalse();
  }

  @Test
  void aRejoiningUnitWhoseStaleMemberWasRemovedIsAddedAgain() {
    MembershipPlan plan =
        MembershipPlan.plan(desired(0, 1, 2), List.of(started(0), started(2)), "etcd0");

    assertThat(plan.addition().map(Member::name)).isEqualTo(Optional.of("etcd1"));
  }
}
