package dev.bosun.charms.etcd;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cluster as one hook sees it: its membership read and changed over HTTPS through the v3 API's
 * JSON gateway ({@link EtcdHttp}), at the first of its endpoints that answers. A change that etcd
 * refuses because members have not been connected long enough is tried again ({@link #whenReady}).
 */
final class Cluster {
  /** How long a membership change is retried while etcd's reconfiguration check refuses it. */
  static final Duration CHANGE_WAIT = Duration.ofSeconds(30);

  private static final long CHANGE_RETRY_MILLIS = 100;

  /**
   * How long a removal may go unanswered before the member list is read again and the removal sent
   * again: etcd drops a membership change proposed while the cluster elects a leader (a leader that
   * removed itself, say) and never answers it.
   */
  static final Duration REMOVAL_ANSWER_WAIT = Duration.ofSeconds(3);

  /** How many times an unanswered removal is sent before the hook fails. */
  private static final int REMOVAL_ATTEMPTS = 3;

  private final List<String> endpoints;
  private final EtcdHttp http;
  private final Duration removalAnswerWait;

  Cluster(List<String> endpoints, EtcdHttp http) {
    this(endpoints, http, REMOVAL_ANSWER_WAIT);
  }

  Cluster(List<String> endpoints, EtcdHttp http, Duration removalAnswerWait) {
    this.endpoints = List.copyOf(endpoints);
    this.http = http;
    this.removalAnswerWait = removalAnswerWait;
  }

  /**
   * Returns the ids of the given members that answer {@code /health} on one of their client URLs.
   */
  Set<Long> healthy(List<MembershipPlan.Member> members) {
    Set<Long> healthy = new HashSet<>();
    for (MembershipPlan.Member member : members) {
      if (member.clientUrls().stream().anyMatch(http::healthy)) {
        healthy.add(member.id());
      }
    }
    return healthy;
  }

  /**
   * Returns the member list.
   *
   * @throws EtcdException when no endpoint answers
   */
  List<MembershipPlan.Member> members() {
    return atFirstAnswering(http::members);
  }

  /**
   * Adds a member by peer URL, waiting while etcd refuses it ({@link #whenReady}); returns the
   * member list that includes it.
   *
   * @throws EtcdException when etcd refuses for another reason, or longer than {@link #CHANGE_WAIT}
   */
  List<MembershipPlan.Member> add(String peerUrl) {
    return whenReady(() -> atFirstAnswering(endpoint -> http.addMember(endpoint, peerUrl)));
  }

  /**
   * Removes a member, waiting while etcd refuses it ({@link #whenReady}). When etcd does not
   * confirm within {@link #REMOVAL_ANSWER_WAIT} (the removed member may have led the cluster, and
   * etcd drops a change proposed while a new leader is elected), the member list decides whether it
   * is gone, and while it is not, the removal is sent again, {@value #REMOVAL_ATTEMPTS} times in
   * all; "member not found" counts as removed.
   *
   * @return false when etcd did not know the member any more (someone else removed it first)
   * @throws EtcdException when the member is still listed after the last attempt
   */
  boolean remove(long id) {
    boolean unanswered = false;
    for (int attempt = 1; ; attempt++) {
      try {
        whenReady(
            () ->
                atFirstAnswering(
                    endpoint -> {
                      http.removeMember(endpoint, id, removalAnswerWait);
                      return null;
                    }));
        return true;
      } catch (EtcdException e) {
        if (e.getMessage() != null && e.getMessage().contains("member not found")) {
          // After an unanswered attempt, etcd may have applied that one.
          return unanswered;
        }
        if (isNotReadyForReconfiguration(e)) {
          throw e;
        }
        unanswered = true;
        EtcdAdmin.sleep(500);
        if (members().stream().noneMatch(m -> m.id() == id)) {
          return true;
        }
        if (attempt == REMOVAL_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Changes a member's peer URL.
   *
   * @throws EtcdException when etcd refuses or no endpoint answers
   */
  void update(long id, String peerUrl) {
    atFirstAnswering(
        endpoint -> {
          http.updateMember(endpoint, id, peerUrl);
          return null;
        });
  }

  /** Whether etcd refused a reconfiguration because members have not been connected long enough. */
  static boolean isNotReadyForReconfiguration(EtcdException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("unhealthy cluster") || message.contains("not enough started members");
  }

  /**
   * Runs a membership change, again every {@value #CHANGE_RETRY_MILLIS} ms for at most {@link
   * #CHANGE_WAIT} while etcd refuses it because members have not been connected long enough
   * (strict-reconfig-check: every member must have been connected for 5 s, etcd's HealthInterval,
   * before another joins, so that a join never risks quorum). Any other failure is thrown at once.
   */
  private static <T> T whenReady(Supplier<T> change) {
    long deadline = System.nanoTime() + CHANGE_WAIT.toNanos();
    while (true) {
      try {
        return change.get();
      } catch (EtcdException e) {
        if (!isNotReadyForReconfiguration(e) || System.nanoTime() > deadline) {
          throw e;
        }
        EtcdAdmin.sleep(CHANGE_RETRY_MILLIS);
      }
    }
  }

  private <T> T atFirstAnswering(Function<String, T> call) {
    EtcdException last = null;
    for (String endpoint : endpoints) {
      try {
        return call.apply(endpoint);
      } catch (EtcdException e) {
        last = e;
      }
    }
    throw last;
  }
}
