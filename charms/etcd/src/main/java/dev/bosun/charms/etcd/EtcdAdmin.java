package dev.bosun.charms.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;
import io.grpc.netty.GrpcSslContexts;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The charm's etcd v3 client (jetcd) over TLS with a client certificate: member list and update
 * (for a rolling restart that moves the peer port), maintenance calls for the actions, and a
 * lease-backed lock for rolling restarts; hooks change membership over HTTPS ({@link Cluster}).
 * Every call is bounded by a timeout (a TLS mistake makes gRPC wait, not fail).
 */
final class EtcdAdmin implements AutoCloseable {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close} waits for the client's event loops to stop. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final Client client;
  private final io.vertx.core.Vertx vertx;
  private final List<String> endpoints;
  private long lockRevision;

  private EtcdAdmin(Client client, io.vertx.core.Vertx vertx, List<String> endpoints) {
    this.client = client;
    this.vertx = vertx;
    this.endpoints = List.copyOf(endpoints);
  }

  /**
   * Connects (lazily) to the endpoints with the client certificate.
   *
   * @throws EtcdException when the TLS files cannot be read
   */
  static EtcdAdmin connect(List<String> endpoints, EtcdFlags.TlsFiles tls) {
    // The client's channel runs on event loops of its own Vert.x instance, which close() stops and
    // waits for: gRPC's shared event loops outlive a client by a second, and a JVM that exits
    // while a thread sits in a native select waits 300 ms for it (every bosun command would).
    io.vertx.core.Vertx vertx =
        io.vertx.core.Vertx.vertx(
            new io.vertx.core.VertxOptions()
                .setUseDaemonThread(true)
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    try {
      Client client =
          Client.builder()
              .endpoints(endpoints.toArray(String[]::new))
              .useVertx()
              .vertx(vertx)
              .sslContext(
                  GrpcSslContexts.forClient()
                      .trustManager(new File(tls.ca()))
                      .keyManager(new File(tls.certificate()), new File(tls.key()))
                      // The key store only lives in memory: JKS protects the key in microseconds
                      // where PKCS12, the default, spends 10,000 PBKDF2 rounds on every connect.
                      .keyStoreType("JKS")
                      .build())
              .connectTimeout(Duration.ofSeconds(5))
              .retryMaxDuration(Duration.ofSeconds(5))
              .build();
      return new EtcdAdmin(client, vertx, endpoints);
    } catch (SSLException | RuntimeException e) {
      vertx.close();
      throw new EtcdException(
          "connect",
          "cannot set up TLS to " + endpoints + " with the client certificate: " + e.getMessage(),
          e);
    }
  }

  /** Returns the endpoints this client talks to. */
  List<String> endpoints() {
    return endpoints;
  }

  /** Returns jetcd's client, for the tests' and actions' plain key-value calls. */
  Client client() {
    return client;
  }

  /** Returns the member list. */
  List<MembershipPlan.Member> members() {
    return retried("member list", () -> client.getClusterClient().listMember())
        .getMembers()
        .stream()
        .map(EtcdAdmin::member)
        .toList();
  }

  /** Changes a member's peer URL. */
  void update(long id, String peerUrl) {
    call("member update", client.getClusterClient().updateMember(id, List.of(URI.create(peerUrl))));
  }

  /** Returns the status of one member (by its client URL). */
  StatusResponse status(String endpoint) {
    return retried("endpoint status", () -> client.getMaintenanceClient().statusMember(endpoint));
  }

  /** Defragments one member (by its client URL). */
  void defragment(String endpoint) {
    call("defrag", client.getMaintenanceClient().defragmentMember(endpoint));
  }

  /** Returns the alarms as {@code <member id hex>: <alarm type>}. */
  List<String> alarms() {
    List<String> alarms = new ArrayList<>();
    for (AlarmMember alarm :
        call("alarm list", client.getMaintenanceClient().listAlarms()).getAlarms()) {
      alarms.add(Long.toHexString(alarm.getMemberId()) + ": " + alarm.getAlarmType());
    }
    return alarms;
  }

  /** Disarms every alarm; returns what was disarmed. */
  List<String> disarmAll() {
    List<String> disarmed = new ArrayList<>();
    for (AlarmMember alarm :
        call("alarm list", client.getMaintenanceClient().listAlarms()).getAlarms()) {
      call("alarm disarm", client.getMaintenanceClient().alarmDisarm(alarm));
      disarmed.add(Long.toHexString(alarm.getMemberId()) + ": " + alarm.getAlarmType());
    }
    return disarmed;
  }

  /** Compacts the history up to a revision (the current one when {@code revision} is 0). */
  long compact(long revision, boolean physical) {
    long target = revision;
    if (target == 0) {
      target =
          call("get", client.getKVClient().get(ByteSequence.from(new byte[] {0})))
              .getHeader()
              .getRevision();
    }
    call(
        "compact",
        client
            .getKVClient()
            .compact(target, CompactOption.builder().withCompactPhysical(physical).build()));
    return target;
  }

  /** Streams a snapshot of the keyspace; returns its size in bytes. */
  long snapshot(OutputStream out) {
    return call("snapshot", client.getMaintenanceClient().snapshot(out), Duration.ofMinutes(5));
  }

  /**
   * Takes the lock {@code key} for {@code ttlSeconds} (a lease: a holder that dies releases it),
   * waiting up to {@code wait}; returns the lease id, or 0 when it could not be taken in time.
   */
  long lock(String key, String holder, long ttlSeconds, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    ByteSequence name = ByteSequence.from(key, StandardCharsets.UTF_8);
    ByteSequence value = ByteSequence.from(holder, StandardCharsets.UTF_8);
    while (true) {
      long lease = retried("lease grant", () -> client.getLeaseClient().grant(ttlSeconds)).getID();
      TxnResponse response =
          retried(
              "lock",
              () ->
                  client
                      .getKVClient()
                      .txn()
                      .If(new Cmp(name, Cmp.Op.EQUAL, CmpTarget.version(0)))
                      .Then(Op.put(name, value, PutOption.builder().withLeaseId(lease).build()))
                      .commit());
      if (response.isSucceeded()) {
        lockRevision = response.getHeader().getRevision();
        return lease;
      }
      revoke(lease);
      if (System.nanoTime() > deadline) {
        return 0;
      }
      sleep(100);
    }
  }

  /** Returns the cluster revision at which {@link #lock} took the lock. */
  long lockRevision() {
    return lockRevision;
  }

  /** Releases a lock taken by {@link #lock}; returns the cluster revision of the release. */
  long unlock(String key, long lease) {
    long revision =
        retried(
                "unlock",
                () ->
                    client
                        .getKVClient()
                        .delete(
                            ByteSequence.from(key, StandardCharsets.UTF_8), DeleteOption.DEFAULT))
            .getHeader()
            .getRevision();
    try {
      revoke(lease);
    } catch (EtcdException e) {
      // the key is deleted, so the lock is free; the lease expires on its own
    }
    return revision;
  }

  /** Revokes a lease; one that is gone already (revoked by a retried call, expired) is fine. */
  private void revoke(long lease) {
    try {
      retried("lease revoke", () -> client.getLeaseClient().revoke(lease));
    } catch (EtcdException e) {
      if (!String.valueOf(e.getMessage()).contains("lease not found")) {
        throw e;
      }
    }
  }

  /** Puts a key (plain text). */
  void record(String key, String value) {
    retried(
        "put",
        () ->
            client
                .getKVClient()
                .put(
                    ByteSequence.from(key, StandardCharsets.UTF_8),
                    ByteSequence.from(value, StandardCharsets.UTF_8)));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EtcdException("wait", "interrupted", e);
    }
  }

  private static MembershipPlan.Member member(io.etcd.jetcd.cluster.Member member) {
    List<String> urls = new ArrayList<>();
    for (URI uri : member.getPeerURIs()) {
      urls.add(uri.toString());
    }
    List<String> clients = new ArrayList<>();
    for (URI uri : member.getClientURIs()) {
      clients.add(uri.toString());
    }
    return new MembershipPlan.Member(member.getId(), member.getName(), urls, clients);
  }

  private <T> T call(String operation, CompletableFuture<T> future) {
    return call(operation, future, CALL_TIMEOUT);
  }

  /**
   * Calls etcd, retrying twice (after 200 ms, then 400 ms) when the failure is transient: a member
   * restarting or a leader election in progress. Not for calls that must not repeat (member add).
   */
  private <T> T retried(String operation, java.util.function.Supplier<CompletableFuture<T>> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call(operation, call.get());
      } catch (EtcdException e) {
        if (attempt >= 3 || !isTransient(e)) {
          throw e;
        }
        sleep(200L * attempt);
      }
    }
  }

  static boolean isTransient(EtcdException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("UNAVAILABLE")
        || message.contains("UNKNOWN")
        || message.contains("no answer")
        || message.contains("leader changed")
        || message.contains("no leader");
  }

  private <T> T call(String operation, CompletableFuture<T> future, Duration timeout) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EtcdException(operation, operation + " was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new EtcdException(
          operation, operation + " failed at " + endpoints + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new EtcdException(
          operation,
          operation + " got no answer from " + endpoints + " within " + timeout.toSeconds() + " s",
          e);
    }
  }

  /** Closes the client and waits (at most {@link #CLOSE_WAIT}) until its event loops stopped. */
  @Override
  public void close() {
    client.close();
    try {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the loops are daemon threads: at worst they stop with the JVM
    }
  }
}
