package dev.bosun.charms.etcd;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The leader's waits on the member list, for changes that other members make and that no later
 * event would tell it of: each reads the list again, for a bounded time, before the leader plans.
 */
final class MembershipWaits {
  private MembershipWaits() {}

  /**
   * Before removing members. A removal must leave a healthy quorum among the members that remain
   * ({@link MembershipPlan#keepsQuorum}). When it would not, the cluster is often only electing a
   * leader — a departing unit whose member led removed itself in its {@code stop} hook, which may
   * also have made the list the hook read out of date. So the list is read again and the quorum
   * checked again until the removals are gone from the plan or can go; the hook fails (to be
   * retried) only when that lasts.
   *
   * <p>Returns the member list to plan the removals from: {@code current} when they keep a healthy
   * quorum or there are none, else the first list read again that has none or keeps one.
   *
   * @param desired the members that should exist, name to peer URL
   * @param self this unit's member name
   * @param current the member list the hook read
   * @param read reads the member list again
   * @param healthy the ids of the given members that answer {@code /health}
   * @param wait how long to try at most
   * @param interval the pause between two tries
   * @throws EtcdException when the members that would remain have no healthy quorum for {@code
   *     wait}
   */
  static List<MembershipPlan.Member> untilRemovalsKeepQuorum(
      Map<String, String> desired,
      String self,
      List<MembershipPlan.Member> current,
      Supplier<List<MembershipPlan.Member>> read,
      Function<List<MembershipPlan.Member>, Set<Long>> healthy,
      Duration wait,
      Duration interval) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<MembershipPlan.Member> members = current;
    while (true) {
      List<Long> removals = MembershipPlan.plan(desired, members, self).removals();
      if (removals.isEmpty()) {
        return members;
      }
      List<MembershipPlan.Member> remaining =
          members.stream().filter(m -> !removals.contains(m.id())).toList();
      if (MembershipPlan.keepsQuorum(remaining, healthy.apply(remaining))) {
        return members;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new EtcdException(
            "member remove",
            "not removing members "
                + removals.stream().map(Long::toHexString).toList()
                + ": the members that would remain have had no healthy quorum for "
                + wait.toMillis()
                + " ms; retrying later",
            null);
      }
      EtcdAdmin.sleep(interval.toMillis());
      members = read.get();
    }
  }

  /**
   * Before adding the next member. A member that joins registers once it serves, and etcd named it
   * before that; but the member this unit reads may apply the name a heartbeat later. The hook the
   * registration woke is the one that adds the next member, and no later event would: so the list
   * is read again until it names the joiner.
   *
   * @param joiner the member name of the registered joiner
   * @param current the member list the hook read
   * @param read reads the member list again
   * @param wait how long to try at most
   * @param interval the pause between two tries
   * @return the first list that names the joiner, or the last one read when none did within {@code
   *     wait}
   */
  static List<MembershipPlan.Member> untilNamed(
      String joiner,
      List<MembershipPlan.Member> current,
      Supplier<List<MembershipPlan.Member>> read,
      Duration wait,
      Duration interval) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<MembershipPlan.Member> members = current;
    while (members.stream().noneMatch(m -> m.name().equals(joiner))
        && deadline - System.nanoTime() > 0) {
      EtcdAdmin.sleep(interval.toMillis());
      members = read.get();
    }
    return members;
  }
}
