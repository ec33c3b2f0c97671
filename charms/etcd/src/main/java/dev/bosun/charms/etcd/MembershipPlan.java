package dev.bosun.charms.etcd;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the leader does to bring etcd's member list to the members the {@code cluster} peer relation
 * asks for: remove the members no unit claims (departed units, from the surviving side), correct
 * the peer URL of members whose port changed, and add missing members <em>one at a time</em> —
 * never while another added member has not started yet (etcd's {@code strict-reconfig-check} would
 * refuse it, and two unstarted members can cost quorum).
 *
 * <p>A started member is matched by its name ({@code etcd0}); an unstarted one has no name yet and
 * is matched by its peer URL.
 *
 * @param removals ids of the members to remove, in id order
 * @param updates members whose peer URL must change, by id
 * @param addition the member to add now, if any
 * @param joining the desired member that was added and has not started yet, if any
 */
public record MembershipPlan(
    List<Long> removals,
    SortedMap<Long, String> updates,
    Optional<Member> addition,
    Optional<String> joining) {

  /**
   * A member as etcd lists it, or as the charm wants it.
   *
   * @param id the member id (0 for a member not registered yet)
   * @param name the member name, empty while an added member has not started
   * @param peerUrls the peer URLs
   * @param clientUrls the client URLs (none until the member starts)
   */
  public record Member(long id, String name, List<String> peerUrls, List<String> clientUrls) {
    /** Checks and copies the components. */
    public Member {
      requireNonNull(name, "name");
      peerUrls = List.copyOf(peerUrls);
      clientUrls = List.copyOf(clientUrls);
    }

    /** A member whose client URLs are not known (or that has none yet). */
    public Member(long id, String name, List<String> peerUrls) {
      this(id, name, peerUrls, List.of());
    }

    /** Whether the member has started (an added member has no name until it starts). */
    public boolean started() {
      return !name.isEmpty();
    }
  }

  /** Checks and copies the components. */
  public MembershipPlan {
    removals = List.copyOf(removals);
    updates = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(updates));
    requireNonNull(addition, "addition");
    requireNonNull(joining, "joining");
  }

  /** Orders member names by their unit number ({@code etcd2} before {@code etcd10}). */
  public static final Comparator<String> MEMBER_ORDER =
      Comparator.comparingLong(MembershipPlan::unitNumber).thenComparing(Comparator.naturalOrder());

  /**
   * The peer application data's {@code members} value: the names in {@link #MEMBER_ORDER}, joined
   * with commas. The leader compares it with what it published, so one format serves both.
   */
  public static String names(java.util.Collection<String> memberNames) {
    return String.join(",", memberNames.stream().sorted(MEMBER_ORDER).toList());
  }

  private static long unitNumber(String memberName) {
    int i = memberName.length();
    while (i > 0 && Character.isDigit(memberName.charAt(i - 1))) {
      i--;
    }
    if (i == memberName.length() || memberName.length() - i > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(memberName.substring(i));
  }

  /** Whether the plan changes nothing. */
  public boolean isEmpty() {
    return removals.isEmpty() && updates.isEmpty() && addition.isEmpty();
  }

  /**
   * Plans the next changes.
   *
   * @param desired the members that should exist, name to peer URL (from the peer relation)
   * @param current the member list
   * @param self this unit's member name, never removed
   */
  public static MembershipPlan plan(
      Map<String, String> desired, List<Member> current, String self) {
    requireNonNull(self, "self");
    Map<String, String> urlToName = new TreeMap<>();
    desired.forEach((name, url) -> urlToName.put(url, name));
    List<Long> removals = new ArrayList<>();
    SortedMap<Long, String> updates = new TreeMap<>();
    Set<String> present = new HashSet<>();
    String joining = null;
    for (Member member : current) {
      if (member.started()) {
        String wanted = desired.get(member.name());
        if (wanted == null) {
          if (!member.name().equals(self)) {
            removals.add(member.id());
          }
          continue;
        }
        present.add(member.name());
        if (!member.peerUrls().contains(wanted)) {
          updates.put(member.id(), wanted);
        }
      } else {
        String owner = null;
        for (String url : member.peerUrls()) {
          owner = owner == null ? urlToName.get(url) : owner;
        }
        if (owner == null) {
          removals.add(member.id());
        } else {
          present.add(owner);
          joining = owner;
        }
      }
    }
    removals.sort(null);
    Optional<Member> addition = Optional.empty();
    if (joining == null && removals.isEmpty() && updates.isEmpty()) {
      addition =
          desired.keySet().stream()
              .filter(name -> !present.contains(name))
              .min(MEMBER_ORDER)
              .map(name -> new Member(0, name, List.of(desired.get(name))));
    }
    return new MembershipPlan(removals, updates, addition, Optional.ofNullable(joining));
  }

  /**
   * Whether the members that remain after a removal still have quorum among the healthy ones: at
   * least {@code remaining / 2 + 1} of them answer. Bosun runs etcd without {@code
   * strict-reconfig-check} (which waits 5 s after every change) and checks this instead.
   *
   * @param remaining the members after the removal
   * @param healthy the ids of the members that answer {@code /health}
   */
  public static boolean keepsQuorum(List<Member> remaining, Set<Long> healthy) {
    long answering = remaining.stream().filter(m -> healthy.contains(m.id())).count();
    return !remaining.isEmpty() && answering >= remaining.size() / 2 + 1;
  }

  /**
   * Returns the {@code --initial-cluster} of a member being added: the started members with their
   * names, and the new member, sorted by name.
   */
  public static String joinCluster(List<Member> current, String name, String peerUrl) {
    TreeMap<String, String> members = new TreeMap<>(MEMBER_ORDER);
    for (Member member : current) {
      if (member.started() && !member.peerUrls().isEmpty()) {
        members.put(member.name(), member.peerUrls().get(0));
      }
    }
    members.put(name, peerUrl);
    StringBuilder text = new StringBuilder();
    members.forEach(
        (n, url) -> {
          if (text.length() > 0) {
            text.append(',');
          }
          text.append(n).append('=').append(url);
        });
    return text.toString();
  }
}
