package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charms.etcd.MembershipPlan.Member;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MembershipWaitsTest {
  private static final Duration INTERVAL = Duration.ofMillis(1);

  private static Member started(int unit) {
    return new Member(
        100 + unit, "etcd" + unit, List.of("https://127.77.0." + (unit + 2) + ":2380"));
  }

  /** etcd0, etcd2 and etcd4 stay; etcd1 and etcd3 left. */
  private static Map<String, String> survivors() {
    Map<String, String> desired = new TreeMap<>();
    for (int unit : new int[] {0, 2, 4}) {
      desired.put("etcd" + unit, started(unit).peerUrls().get(0));
    }
    return desired;
  }

  private static Set<Long> ids(List<Member> members) {
    return members.stream().map(Member::id).collect(Collectors.toSet());
  }

  private static List<Member> five() {
    return List.of(started(0), started(1), started(2), started(3), started(4));
  }

  /** The leader's wait when the hook read all five members and etcd1 and etcd3 left. */
  private static List<Member> await(
      Supplier<List<Member>> read, Function<List<Member>, Set<Long>> healthy, Duration wait) {
    return MembershipWaits.untilRemovalsKeepQuorum(
        survivors(), "etcd0", five(), read, healthy, wait, INTERVAL);
  }

  @Test
  void aRemovalThatKeepsAHealthyQuorumGoesAheadAtOnce() {
    AtomicInteger reads = new AtomicInteger();

    List<Member> planned =
        await(
            () -> {
              reads.incrementAndGet();
              return five();
            },
            MembershipWaitsTest::ids,
            Duration.ofSeconds(5));

    assertThat(planned).isEqualTo(five());
    assertThat(reads).hasValue(0);
  }

  @Test
  void waitsOutAnElectionThenRemoves() {
    // The members answer /health again once the cluster has elected a new leader: third check.
    AtomicInteger checks = new AtomicInteger();
    Function<List<Member>, Set<Long>> healthy =
        remaining -> checks.incrementAndGet() < 3 ? Set.of(100L) : ids(remaining);

    List<Member> planned = await(MembershipWaitsTest::five, healthy, Duration.ofSeconds(5));

    assertThat(planned).isEqualTo(five());
    assertThat(checks).hasValue(3);
  }

  @Test
  void aMemberThatRemovedItselfMeanwhileIsNoLongerToBeRemoved() {
    // The hook read the list before etcd1 (which led) removed itself; etcd3 is gone too by then.
    Deque<List<Member>> reads =
        new ArrayDeque<>(List.of(List.of(started(0), started(2), started(4))));

    List<Member> planned = await(reads::pop, remaining -> Set.of(100L), Duration.ofSeconds(5));

    assertThat(planned).containsExactly(started(0), started(2), started(4));
    assertThat(MembershipPlan.plan(survivors(), planned, "etcd0").removals()).isEmpty();
  }

  @Test
  void failsTheHookWhenTheQuorumStaysUnhealthy() {
    assertThatThrownBy(
            () ->
                await(MembershipWaitsTest::five, remaining -> Set.of(100L), Duration.ofMillis(50)))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("not removing members [65, 67]")
        .hasMessageContaining("no healthy quorum for 50 ms; retrying later");
  }

  @Test
  void readsTheListAgainUntilItNamesTheJoiner() {
    Member unnamed = new Member(104, "", started(4).peerUrls());
    List<Member> before = List.of(started(0), started(1), started(2), unnamed);
    List<Member> after = List.of(started(0), started(1), started(2), started(4));
    Deque<List<Member>> reads = new ArrayDeque<>(List.of(before, before, after));

    List<Member> planned =
        MembershipWaits.untilNamed("etcd4", before, reads::pop, Duration.ofSeconds(5), INTERVAL);

    assertThat(planned).isEqualTo(after);
    assertThat(reads).isEmpty();
  }

  @Test
  void givesUpOnANameWithTheLastListRead() {
    Member unnamed = new Member(104, "", started(4).peerUrls());
    List<Member> before = List.of(started(0), unnamed);
    AtomicInteger reads = new AtomicInteger();

    List<Member> planned =
        MembershipWaits.untilNamed(
            "etcd4",
            before,
            () -> {
              reads.incrementAndGet();
              return before;
            },
            Duration.ofMillis(30),
            Duration.ofMillis(5));

    assertThat(planned).isEqualTo(before);
    assertThat(reads.get()).isPositive();
  }

  @Test
  void aNamedJoinerNeedsNoSecondRead() {
    List<Member> named = List.of(started(0), started(4));

    assertThat(
            MembershipWaits.untilNamed(
                "etcd4",
                named,
                () -> {
                  throw new AssertionError("read again");
                },
                Duration.ofSeconds(5),
                INTERVAL))
        .isSameAs(named);
  }
}
