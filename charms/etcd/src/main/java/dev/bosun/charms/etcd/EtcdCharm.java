package dev.bosun.charms.etcd;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.RelationData;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.Remove;
import dev.bosun.charm.event.Stop;
import dev.bosun.charm.machine.PackageResult;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.etcd.EtcdClient;
import dev.bosun.interfaces.etcd.EtcdCluster;
import dev.bosun.interfaces.etcd.EtcdConnection;
import dev.bosun.interfaces.etcd.EtcdInterface;
import dev.bosun.interfaces.etcd.EtcdPeer;
import dev.bosun.interfaces.tls.TlsCertificates;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequirerData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The etcd charm: a cluster of etcd members (Debian's {@code etcd-server}, or an attached {@code
 * etcd} resource), one per unit, with TLS and client-certificate authentication on client and peer
 * links, certificates requested from a tls-certificates provider (easyrsa) with the unit's own
 * keys.
 *
 * <p>Membership is declarative. Every unit publishes its member name and peer URL on the {@code
 * cluster} peer relation from its first hook; the leader fixes the initial members once ({@value
 * #BOOTSTRAP} in the peer application data, with a random {@value #TOKEN}) as soon as every peer
 * the model expects ({@link HookContext#goalState()}) has published, and each starts in the hook
 * that brings its certificates, together forming one static cluster. Afterwards the leader
 * reconciles {@code member list} (read through the v3 API's JSON gateway, {@link EtcdHttp}) with
 * the peer relation, changing it through jetcd ({@link MembershipPlan}): it removes members no unit
 * claims (departed units — the survivors remove them; a departing unit also removes itself in its
 * {@code stop} hook) and adds missing units one at a time with {@code member add}, handing the new
 * member its {@code --initial-cluster} under {@code join.<member>}. A unit whose data was lost
 * removes its stale registration and is added again.
 *
 * <p>A unit whose member is registered (named in the member list: a member of the static bootstrap
 * from its start, an added member once it serves) publishes its client URL; the leader publishes
 * the connection string (every registered member), the CA and the etcd version on {@code db}, so
 * consumers hear of every membership change. A change of options or certificates restarts members
 * one at a time: each takes a lease-backed lock in the cluster, restarts, and waits until it is
 * healthy before it lets the next one go.
 *
 * <p>Statuses: {@code Healthy with N known peers}, and the messages of {@link EtcdStatus}.
 */
public final class EtcdCharm implements ReconcilerCharm {
  /** The service name on the machine (its log is {@code var/log/etcd.log}). */
  public static final String SERVICE = "etcd";

  /** The service's log on the machine, where etcd writes one JSON object per line. */
  static final String LOG = "var/log/" + SERVICE + ".log";

  /** The data directory, relative to the machine root. */
  public static final String DATA_DIRECTORY = "var/lib/etcd";

  /** The endpoint of the certificate authority. */
  public static final String CERTIFICATES = "certificates";

  /** The peer endpoint. */
  public static final String CLUSTER = EtcdInterface.CLUSTER_ENDPOINT;

  /** The provider endpoint for consumers. */
  public static final String DB = EtcdInterface.DB_ENDPOINT;

  /** Peer application data: the initial-cluster token. */
  public static final String TOKEN = "token";

  /** Peer application data: the static initial cluster ({@code etcd0=https://...,...}). */
  public static final String BOOTSTRAP = "bootstrap";

  /** Peer application data prefix: the {@code --initial-cluster} of a member being added. */
  public static final String JOIN_PREFIX = "join.";

  /** Peer unit data: {@code true} once the unit has started its member process. */
  public static final String STARTED = "started";

  /** Peer application data: the member names the leader last saw in the member list. */
  public static final String MEMBERS = "members";

  /** Where each member records the cluster revisions of its last rolling restart. */
  public static final String RESTART_LOG = "/bosun/etcd-charm/restart-log/";

  /** The Debian package with the etcd binary. */
  public static final String PACKAGE = "etcd-server";

  static final String STATE_START = "etcd.start";
  static final String STATE_SPEC = "etcd.spec";
  static final String STATE_ENDPOINTS = "etcd.endpoints";
  static final String STATE_REJOIN = "etcd.rejoin";

  /** When this member of the static bootstrap first waited for the first member (epoch ms). */
  static final String STATE_FIRST_WAIT = "etcd.first-wait";

  /**
   * How long a member of the static bootstrap waits for the first member's start before it starts
   * all the same (at its next hook): a first member that cannot start must not keep the others from
   * forming a quorum.
   */
  static final Duration FIRST_START_WAIT = Duration.ofSeconds(5);

  static final String RESTART_LOCK = "/bosun/etcd-charm/restart";

  /** How long a hook waits for its member to serve after starting it. */
  static final Duration START_WAIT = Duration.ofSeconds(20);

  /** How long the leader reads the member list again for a registered joiner's name. */
  static final Duration JOIN_NAME_WAIT = Duration.ofSeconds(5);

  /** Creates the charm; a fresh instance handles each hook. */
  public EtcdCharm() {}

  @Override
  public void reconcile(HookContext ctx) {
    if (ctx.event() instanceof Stop) {
      leave(ctx);
      return;
    }
    if (ctx.event() instanceof Remove) {
      return;
    }
    EtcdSettings settings;
    try {
      settings = EtcdSettings.fromConfig(ctx.config());
    } catch (InvalidSettingsException e) {
      ctx.status().unit(Status.blocked(EtcdStatus.invalidConfiguration(e)));
      return;
    }
    Optional<String> binary = binary(ctx);
    if (binary.isEmpty()) {
      return;
    }
    new Reconciliation(ctx, settings, binary.get()).run();
  }

  @Override
  public void onAction(HookContext ctx, ActionEvent event) {
    new EtcdActions(ctx).run(event.name());
  }

  /**
   * Returns the etcd program: the attached resource, else Debian's package (installed if allowed).
   */
  static Optional<String> binary(HookContext ctx) {
    Optional<Path> resource = ctx.resource("etcd");
    if (resource.isPresent()) {
      return Optional.of(Resources.etcdBinary(ctx, resource.get()).toString());
    }
    PackageResult result = ctx.machine().packages().ensure(PACKAGE, "etcd");
    if (!result.available()) {
      ctx.status().unit(Status.blocked(EtcdStatus.missingBinary(result.installCommand())));
      return Optional.empty();
    }
    return Optional.of(result.binary().orElseThrow().toString());
  }

  /**
   * The {@code stop} hook: removes this member from the cluster (best effort, so the survivors keep
   * quorum when several units leave), then stops the service.
   */
  static void leave(HookContext ctx) {
    Optional<EtcdFlags.TlsFiles> client = Credentials.clientFiles(ctx);
    Optional<String> endpoints = ctx.state().get(STATE_ENDPOINTS);
    Optional<ServiceStatus> service = ctx.machine().services().status(SERVICE);
    if (client.isPresent()
        && endpoints.isPresent()
        && service.isPresent()
        && service.get().running()) {
      String name = EtcdPeer.memberNameOf(ctx.unitName());
      try {
        Cluster cluster =
            new Cluster(List.of(endpoints.get().split(",")), EtcdHttp.of(client.get()));
        List<MembershipPlan.Member> members = cluster.members();
        List<MembershipPlan.Member> remaining =
            members.stream().filter(m -> !m.name().equals(name)).toList();
        java.util.Set<Long> healthy = cluster.healthy(remaining);
        for (MembershipPlan.Member member : members) {
          if (member.name().equals(name) && MembershipPlan.keepsQuorum(remaining, healthy)) {
            // etcd exits as soon as it learns it was removed: not a crash to restart.
            ctx.machine().services().expectExit(SERVICE);
            if (cluster.remove(member.id())) {
              ctx.log().info("removed member {} from the cluster", name);
            }
          }
        }
      } catch (EtcdException e) {
        // Expected when the whole cluster goes away at once; otherwise the survivors remove the
        // departed member themselves, so this is no cause for alarm.
        ctx.log().info("left member {} for the survivors to remove ({})", name, e.getMessage());
      }
    }
    ctx.machine().services().stop(SERVICE);
  }

  /** One reconciliation of a unit that has valid options and an etcd binary. */
  static final class Reconciliation {
    private final HookContext ctx;
    private final EtcdSettings settings;
    private final String binary;
    private final String name;
    private final String address;
    private final String peerUrl;
    private final String clientUrl;
    private final Optional<TypedRelation<EtcdPeer, EtcdPeer>> peers;
    private EtcdHttp probe;

    Reconciliation(HookContext ctx, EtcdSettings settings, String binary) {
      this.ctx = ctx;
      this.settings = settings;
      this.binary = binary;
      this.name = EtcdPeer.memberNameOf(ctx.unitName());
      this.address = ctx.machine().address();
      this.peerUrl = EtcdFlags.peerUrl(address, settings);
      this.clientUrl = EtcdFlags.clientUrl(address, settings);
      this.peers = ctx.relations(CLUSTER, EtcdInterface.CLUSTER).stream().findFirst();
    }

    void run() {
      List<TypedRelation<TlsRequirerData, TlsProviderData>> tls =
          ctx.relations(CERTIFICATES, TlsCertificates.REQUIRER);
      if (tls.isEmpty()) {
        publishPeer(false);
        ctx.status().unit(Status.blocked(EtcdStatus.MISSING_CA));
        return;
      }
      Optional<Credentials.Issued> issued = Credentials.ensure(ctx, tls.get(0));
      // The initial members need names and peer URLs only, not certificates: the leader fixes them
      // as soon as every expected peer has spoken, so each member can start in the hook that
      // brings its certificates instead of waiting for the leader's next hook.
      if (ctx.isLeader()) {
        ensureBootstrap(issued.isPresent());
      }
      if (issued.isEmpty()) {
        publishPeer(false);
        ctx.status().unit(Status.waiting(EtcdStatus.WAITING_FOR_CERTIFICATES));
        return;
      }
      publishPeer(isRegistered());
      Path data = ctx.machine().path(DATA_DIRECTORY);
      boolean hasData = Files.isDirectory(data.resolve("member"));
      // A member whose data is gone is stale, unless its process runs: etcd started in an earlier
      // hook may not have written its data directory yet, and forgetting it then stopped a healthy
      // new member and removed it from the cluster (seen under load in EtcdClusterIT).
      Optional<ServiceStatus> service = ctx.machine().services().status(SERVICE);
      boolean serviceRuns = service.map(ServiceStatus::running).orElse(false);
      // An etcd that exits because it cannot listen is no stale member: the supervisor keeps
      // restarting it, which helps once the address is free, and until then the unit says why.
      if (service.isPresent() && (!serviceRuns || service.get().restarts() > 0)) {
        Path log = ctx.machine().path(LOG);
        Optional<String> failure = EtcdLog.listenFailure(log);
        if (failure.isPresent()) {
          publishPeer(false);
          ctx.status().unit(Status.blocked(EtcdStatus.cannotListen(failure.get(), log.toString())));
          if (ctx.isLeader()) {
            converge(issued.get());
          }
          return;
        }
      }
      if (!hasData && ctx.state().get(STATE_START).isPresent() && !serviceRuns) {
        forgetStaleMember(issued.get());
      }
      Optional<StartArguments> start = startArguments(hasData);
      if (start.isEmpty()) {
        publishPeer(false);
        ctx.status()
            .unit(
                Status.waiting(
                    appData().flatMap(d -> d.get(BOOTSTRAP)).isPresent()
                        ? EtcdStatus.WAITING_FOR_REGISTRATION
                        : EtcdStatus.WAITING_FOR_BOOTSTRAP));
        if (ctx.isLeader()) {
          converge(issued.get());
        }
        return;
      }
      if (!start.get().existing() && !hasData && !serviceRuns && !firstHasStarted(start.get())) {
        return;
      }
      EtcdFlags flags =
          new EtcdFlags(
              binary,
              name,
              data.toAbsolutePath().toString(),
              address,
              issued.get().files(),
              start.get().initialCluster(),
              start.get().existing(),
              start.get().token());
      ServiceSpec spec =
          new ServiceSpec(
              SERVICE,
              flags.command(settings),
              Map.of("BOSUN_TLS", issued.get().fingerprint()),
              "");
      run(spec, issued.get());
      ctx.state().set(STATE_START, start.get().encode());
      markStarted();
      // A member of a static bootstrap is registered from its start: etcd names it from the initial
      // cluster. Its record goes out now, so the peers hear of it in the hooks this start runs
      // anyway rather than in a round of hooks after the cluster serves. A member that joins is
      // named only when it publishes itself, just before it serves: its record waits for the
      // health check below, and its arrival is what wakes the leader to add the next member.
      if (!start.get().existing()) {
        publishPeer(true);
      }
      // A member of a static bootstrap serves only once a quorum of the initial members runs.
      // Until then waiting would hold an agent thread the other members may need to start, and
      // etcd accepts connections but answers none: the hook returns, and the peers' "started"
      // marks (or their registration records) wake this unit again through
      // cluster-relation-changed.
      if (!start.get().existing() && !quorumStarted(start.get().initialCluster())) {
        ctx.status().unit(Status.waiting(EtcdStatus.WAITING_FOR_QUORUM));
        return;
      }
      // The hook that brings the server certificate also requests the client certificate, which
      // the CA signs only once this hook has committed; its arrival runs the next hook, which
      // waits for the member. Waiting here would hold the request back until the cluster serves.
      if (issued.get().awaitsClientCertificate()) {
        ctx.status().unit(Status.waiting(EtcdStatus.WAITING_FOR_CLIENT_CERTIFICATE));
        return;
      }
      EtcdHttp probe = probe(issued.get().client());
      if (!probe.awaitHealthy(clientUrl, START_WAIT)) {
        ctx.status().unit(Status.waiting(EtcdStatus.WAITING_FOR_QUORUM));
        return;
      }
      publishPeer(true);
      ctx.state().delete(STATE_REJOIN);
      openPorts();
      List<String> endpoints = registeredEndpoints();
      ctx.state().set(STATE_ENDPOINTS, String.join(",", endpoints));
      // Only the leader talks to the cluster: it reconciles membership and publishes the member
      // names, which the others count; a v3 client costs a TLS handshake and a gRPC channel.
      if (!ctx.isLeader()) {
        ctx.status()
            .unit(
                Status.active(
                    EtcdStatus.healthy(
                        knownMembers().orElse(members(start.get().initialCluster()).size()))));
        return;
      }
      int members = converge(new Cluster(List.of(clientUrl), probe(issued.get().client()))).size();
      publishConnection(endpoints, issued.get().ca(), probe.version(clientUrl));
      ctx.status().unit(Status.active(EtcdStatus.healthy(members)));
    }

    /**
     * The number of members the leader last published ({@value #MEMBERS}), if it did; until then a
     * member counts those it started with, and the leader's publication wakes it to count again.
     */
    private Optional<Integer> knownMembers() {
      return appData()
          .flatMap(d -> d.get(MEMBERS))
          .filter(names -> !names.isBlank())
          .map(names -> names.split(",").length);
    }

    /**
     * Whether this new member of the static bootstrap may start: it is the {@linkplain
     * #firstToStart first} to start, the first has started, or this member has waited for it longer
     * than {@link #FIRST_START_WAIT}. Otherwise the unit waits, and the first member's {@value
     * #STARTED} mark wakes it.
     */
    private boolean firstHasStarted(StartArguments start) {
      Optional<String> first = firstToStart(start.initialCluster());
      if (first.isEmpty() || first.get().equals(name) || startedMembers().contains(first.get())) {
        ctx.state().delete(STATE_FIRST_WAIT);
        return true;
      }
      long now = System.currentTimeMillis();
      long since = ctx.state().get(STATE_FIRST_WAIT).map(Long::parseLong).orElse(now);
      if (now - since > FIRST_START_WAIT.toMillis()) {
        ctx.log()
            .info(
                "member {} has not started after {} s; starting without waiting for it",
                first.get(),
                FIRST_START_WAIT.toSeconds());
        ctx.state().delete(STATE_FIRST_WAIT);
        return true;
      }
      ctx.state().set(STATE_FIRST_WAIT, Long.toString(since));
      ctx.status().unit(Status.waiting(EtcdStatus.waitingForFirstMember(first.get())));
      return false;
    }

    /** Marks in the peer relation that this unit's member process was started. */
    private void markStarted() {
      peers.ifPresent(
          p -> {
            if (!"true".equals(p.relation().localUnitData().get(STARTED).orElse(""))) {
              p.relation().localUnitData().put(STARTED, "true");
            }
          });
    }

    /**
     * Whether a quorum of the initial members (this one included) has started: marked {@value
     * #STARTED} or registered.
     */
    private boolean quorumStarted(String initialCluster) {
      SortedMap<String, String> initial = members(initialCluster);
      int started = initial.containsKey(name) ? 1 : 0;
      for (String member : startedMembers()) {
        if (initial.containsKey(member)) {
          started++;
        }
      }
      return started > initial.size() / 2;
    }

    /** The peers' member names that marked {@value #STARTED} or are registered. */
    private Set<String> startedMembers() {
      Set<String> started = new HashSet<>();
      if (peers.isPresent()) {
        Relation relation = peers.get().relation();
        Map<String, EtcdPeer> records = remotePeers();
        for (String unit : relation.units()) {
          boolean registered = records.containsKey(unit) && records.get(unit).isRegistered();
          if (registered || "true".equals(relation.unitData(unit).get(STARTED).orElse(""))) {
            started.add(EtcdPeer.memberNameOf(unit));
          }
        }
      }
      return started;
    }

    /** Starts etcd, or restarts it (one member at a time) when its command changed. */
    private void run(ServiceSpec spec, Credentials.Issued issued) {
      String hash = Integer.toHexString(spec.hashCode());
      Optional<ServiceStatus> status = ctx.machine().services().status(SERVICE);
      boolean changed =
          status.isPresent() && !hash.equals(ctx.state().get(STATE_SPEC).orElse(hash));
      List<String> others = new ArrayList<>(registeredEndpoints());
      others.remove(clientUrl);
      if (changed && status.get().running() && !others.isEmpty()) {
        ctx.status().unit(Status.maintenance(EtcdStatus.RESTARTING));
        try (EtcdAdmin admin = EtcdAdmin.connect(others, issued.client())) {
          long lease = admin.lock(RESTART_LOCK, ctx.unitName(), 60, Duration.ofSeconds(90));
          if (lease == 0) {
            throw new EtcdException(
                "restart",
                "another member held the restart lock for 90 s; " + ctx.unitName() + " will retry",
                null);
          }
          long released;
          try {
            updatePeerUrl(admin);
            ctx.machine().services().ensure(spec);
            ctx.log()
                .info("restarted etcd with the new configuration; waiting until it is healthy");
            probe(issued.client()).awaitHealthy(clientUrl, START_WAIT);
          } finally {
            released = admin.unlock(RESTART_LOCK, lease);
          }
          // What the cluster saw: the revisions at which this restart took and let go of the lock.
          admin.record(RESTART_LOG + name, admin.lockRevision() + "-" + released);
        }
      } else {
        ctx.machine().services().ensure(spec);
      }
      ctx.state().set(STATE_SPEC, hash);
    }

    /** Registers the new peer URL before a restart that changes {@code management_port}. */
    private void updatePeerUrl(EtcdAdmin admin) {
      for (MembershipPlan.Member member : admin.members()) {
        if (member.name().equals(name) && !member.peerUrls().contains(peerUrl)) {
          admin.update(member.id(), peerUrl);
          ctx.log().info("changed the peer URL of member {} to {}", name, peerUrl);
        }
      }
    }

    /**
     * A member whose data is gone (a wiped data directory): removes its old registration through
     * the other members, so that the leader adds it again.
     */
    private void forgetStaleMember(Credentials.Issued issued) {
      ctx.state().delete(STATE_START);
      ctx.state().delete(STATE_SPEC);
      ctx.state().set(STATE_REJOIN, "true"); // never bootstrap again: join the running cluster
      ctx.machine().services().stop(SERVICE);
      List<String> others = new ArrayList<>(registeredEndpoints());
      others.remove(clientUrl);
      if (others.isEmpty()) {
        return;
      }
      Cluster cluster = new Cluster(others, probe(issued.client()));
      for (MembershipPlan.Member member : cluster.members()) {
        if (member.name().equals(name) || member.peerUrls().contains(peerUrl)) {
          if (cluster.remove(member.id())) {
            ctx.log()
                .info("removed the stale registration of member {}; it will be added again", name);
          }
        }
      }
    }

    private Optional<StartArguments> startArguments(boolean hasData) {
      Optional<RelationData> app = appData();
      String token = app.flatMap(d -> d.get(TOKEN)).orElse("");
      if (hasData) {
        Optional<StartArguments> recorded =
            ctx.state().get(STATE_START).flatMap(StartArguments::decode);
        if (recorded.isPresent()) {
          return recorded;
        }
      }
      Optional<String> bootstrap = app.flatMap(d -> d.get(BOOTSTRAP));
      boolean rejoining = ctx.state().get(STATE_REJOIN).isPresent();
      if (!rejoining && bootstrap.isPresent() && members(bootstrap.get()).containsKey(name)) {
        return Optional.of(new StartArguments(bootstrap.get(), false, token));
      }
      Optional<String> join = app.flatMap(d -> d.get(JOIN_PREFIX + name));
      if (join.isPresent()) {
        return Optional.of(new StartArguments(join.get(), true, token));
      }
      if (hasData) {
        // etcd ignores the initial cluster when it has data
        return Optional.of(new StartArguments(name + "=" + peerUrl, true, token));
      }
      return Optional.empty();
    }

    /**
     * The leader fixes the initial members once: itself and every peer that published a record, as
     * soon as every peer the model expects ({@link HookContext#goalState()}) has, or, when one is
     * late, once the leader itself holds its certificates and could start.
     */
    private void ensureBootstrap(boolean readyToStart) {
      Optional<RelationData> app = appData();
      if (app.isEmpty() || app.get().get(BOOTSTRAP).isPresent()) {
        return;
      }
      Map<String, EtcdPeer> published = remotePeers();
      if (!readyToStart && !published.keySet().containsAll(ctx.goalState().relatedUnits(CLUSTER))) {
        return;
      }
      SortedMap<String, String> members;
      try {
        members = EtcdCluster.desiredMembers(self(false), published.values());
      } catch (InvalidInterfaceDataException e) {
        ctx.log().warn("cannot bootstrap yet: {}", e.getMessage());
        return;
      }
      byte[] random = new byte[8];
      new SecureRandom().nextBytes(random);
      app.get().put(TOKEN, "bosun-" + HexFormat.of().formatHex(random));
      app.get().put(BOOTSTRAP, EtcdCluster.initialCluster(members));
      // The initial members are the member list from the start (etcd names them from
      // --initial-cluster): published now, the leader's first look at the list changes nothing,
      // and no second round of hooks follows the cluster's first health.
      app.get().put(MEMBERS, MembershipPlan.names(members.keySet()));
      ctx.log().info("bootstrapping the cluster with members {}", members.keySet());
    }

    /**
     * The hook's health probe, built on first use: building one reads the client key and sets up a
     * TLS context, and a unit's client files are the same paths for the whole hook.
     */
    private EtcdHttp probe(EtcdFlags.TlsFiles client) {
      if (probe == null) {
        probe = EtcdHttp.of(client);
      }
      return probe;
    }

    /** The leader's membership step, when its own member does not serve yet. */
    private void converge(Credentials.Issued issued) {
      List<String> endpoints = registeredEndpoints();
      endpoints.remove(clientUrl);
      if (endpoints.isEmpty()) {
        return;
      }
      converge(new Cluster(endpoints, probe(issued.client())));
    }

    /**
     * Removes departed members, fixes peer URLs, adds the next missing member; returns the member
     * list afterwards.
     */
    private List<MembershipPlan.Member> converge(Cluster cluster) {
      List<MembershipPlan.Member> current = cluster.members();
      Optional<RelationData> app = appData();
      if (app.isEmpty()) {
        return current;
      }
      SortedMap<String, String> desired;
      try {
        desired = EtcdCluster.desiredMembers(self(false), remotePeers().values());
      } catch (InvalidInterfaceDataException e) {
        ctx.log().warn("membership not reconciled: {}", e.getMessage());
        return current;
      }
      current = awaitJoinerNamed(cluster, current, desired);
      // A removal must leave a healthy quorum; an election (a departing leader removed itself)
      // passes within a few election timeouts, so the wait allows five, and at least 5 s.
      current =
          MembershipWaits.untilRemovalsKeepQuorum(
              desired,
              name,
              current,
              cluster::members,
              cluster::healthy,
              Duration.ofMillis(Math.max(5_000, 5L * settings.electionTimeoutMillis())),
              Duration.ofMillis(200));
      MembershipPlan plan = MembershipPlan.plan(desired, current, name);
      for (long id : plan.removals()) {
        if (!cluster.remove(id)) {
          continue; // its unit's stop hook was first
        }
        String removed =
            current.stream()
                .filter(m -> m.id() == id && m.started())
                .map(MembershipPlan.Member::name)
                .findFirst()
                .orElse("(not started)");
        ctx.log().info("removed member {} ({}) that no unit claims", removed, Long.toHexString(id));
      }
      plan.updates()
          .forEach(
              (id, url) -> {
                cluster.update(id, url);
                ctx.log()
                    .info("changed the peer URL of member {} to {}", Long.toHexString(id), url);
              });
      if (plan.addition().isPresent()) {
        awaitAllHealthy(cluster, current);
        MembershipPlan.Member member = plan.addition().get();
        String url = member.peerUrls().get(0);
        List<MembershipPlan.Member> after = cluster.add(url);
        app.get()
            .put(
                JOIN_PREFIX + member.name(), MembershipPlan.joinCluster(after, member.name(), url));
        ctx.log().info("added member {} ({}); it joins next", member.name(), url);
        current = after;
      }
      if (!plan.removals().isEmpty() || plan.addition().isPresent()) {
        current = cluster.members();
      }
      String names =
          MembershipPlan.names(
              current.stream().map(m -> m.name().isEmpty() ? "(joining)" : m.name()).toList());
      if (!names.equals(app.get().get(MEMBERS).orElse(""))) {
        app.get().put(MEMBERS, names); // wakes the other units, which report the new count
      }
      for (String key : new ArrayList<>(app.get().asMap().keySet())) {
        if (!key.startsWith(JOIN_PREFIX)) {
          continue;
        }
        String joiner = key.substring(JOIN_PREFIX.length());
        boolean started = current.stream().anyMatch(m -> m.name().equals(joiner));
        if (started || !desired.containsKey(joiner)) {
          app.get().remove(key);
        }
      }
      return current;
    }

    /**
     * When the joining member's record says it is registered but the list does not name it yet,
     * reads the list again ({@link MembershipWaits#untilNamed}, at most {@link #JOIN_NAME_WAIT}).
     */
    private List<MembershipPlan.Member> awaitJoinerNamed(
        Cluster cluster, List<MembershipPlan.Member> current, Map<String, String> desired) {
      Optional<String> joining = MembershipPlan.plan(desired, current, name).joining();
      if (joining.isEmpty()
          || remotePeers().values().stream()
              .noneMatch(p -> p.memberName().equals(joining.get()) && p.isRegistered())) {
        return current;
      }
      List<MembershipPlan.Member> members =
          MembershipWaits.untilNamed(
              joining.get(), current, cluster::members, JOIN_NAME_WAIT, Duration.ofMillis(50));
      if (members.stream().noneMatch(m -> m.name().equals(joining.get()))) {
        ctx.log()
            .info(
                "member {} is registered but not named in the member list after {} s",
                joining.get(),
                JOIN_NAME_WAIT.toSeconds());
      }
      return members;
    }

    /**
     * A join raises the quorum: it waits until every member answers (at most {@link
     * Cluster#CHANGE_WAIT}), so the new member never joins a cluster that could not afford it.
     */
    private void awaitAllHealthy(Cluster cluster, List<MembershipPlan.Member> members) {
      long deadline = System.nanoTime() + Cluster.CHANGE_WAIT.toNanos();
      while (cluster.healthy(members).size() < members.size()) {
        if (System.nanoTime() > deadline) {
          throw new EtcdException(
              "member add",
              "not adding a member: not every member answered /health within "
                  + Cluster.CHANGE_WAIT.toSeconds()
                  + " s; retrying later",
              null);
        }
        EtcdAdmin.sleep(50);
      }
    }

    private void publishConnection(List<String> endpoints, String ca, String version) {
      for (TypedRelation<EtcdConnection, EtcdClient> db :
          ctx.relations(DB, EtcdInterface.DB_PROVIDER)) {
        EtcdConnection connection =
            EtcdConnection.of(endpoints, ca, version.isEmpty() ? null : version);
        if (!db.relation().applicationData().asMap().isEmpty()
            && EtcdInterface.CONNECTION_CODEC
                .decode(db.relation().applicationData().asMap())
                .filter(connection::equals)
                .isPresent()) {
          continue;
        }
        db.publishApplication(connection);
      }
    }

    private void openPorts() {
      String wanted = settings.port() + "/tcp";
      for (String opened : ctx.ports().opened()) {
        if (!opened.equals(wanted)) {
          String[] parts = opened.split("/");
          ctx.ports().close(Integer.parseInt(parts[0]), parts[1]);
        }
      }
      if (!ctx.ports().opened().contains(wanted)) {
        ctx.ports().open(settings.port());
      }
    }

    private boolean isRegistered() {
      return peers
          .map(p -> p.relation().localUnitData().get("client-url").orElse(""))
          .map(url -> url.equals(clientUrl))
          .orElse(false);
    }

    private EtcdPeer self(boolean registered) {
      EtcdPeer joining = EtcdPeer.joining(name, peerUrl);
      return registered ? joining.registered(address, clientUrl) : joining;
    }

    private void publishPeer(boolean registered) {
      peers.ifPresent(p -> p.publish(self(registered)));
    }

    private Map<String, EtcdPeer> remotePeers() {
      if (peers.isEmpty()) {
        return Map.of();
      }
      try {
        return peers.get().remoteUnits();
      } catch (WireFormatException e) {
        ctx.log().warn("a peer published data that does not parse: {}", e.getMessage());
        Map<String, EtcdPeer> decoded = new TreeMap<>();
        Relation relation = peers.get().relation();
        for (String unit : relation.units()) {
          try {
            EtcdInterface.PEER_CODEC
                .decode(relation.unitData(unit).asMap())
                .ifPresent(p -> decoded.put(unit, p));
          } catch (WireFormatException | InvalidInterfaceDataException ignored) {
            // skipped
          }
        }
        return decoded;
      }
    }

    /** Returns the client URLs of the registered members (this one's included). */
    private List<String> registeredEndpoints() {
      List<String> endpoints =
          new ArrayList<>(EtcdCluster.registeredEndpoints(self(true), remotePeers().values()));
      return endpoints;
    }

    private Optional<RelationData> appData() {
      return peers.map(p -> p.relation().applicationData());
    }
  }

  /**
   * The member of a static bootstrap that starts before the others: the one whose peer URL sorts
   * first. Before etcd 3.4 starts a new member, it asks the other members' peer URLs, in sorted
   * order and for up to a second each, whether that member was bootstrapped already, and takes the
   * first answer. A member that started in the same instant listens, but answers only once it is
   * past the same question itself: members started together wait a second for each other, once or
   * twice (7 deploys in 169 on a 2-core machine). Once the first member has started, every other
   * asks it first and is answered at once; the first asks only members that do not listen yet.
   * Empty for an initial cluster without peer URLs.
   */
  static Optional<String> firstToStart(String initialCluster) {
    return members(initialCluster).entrySet().stream()
        .min(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey);
  }

  /** Parses {@code name=url,name=url}. */
  static SortedMap<String, String> members(String initialCluster) {
    SortedMap<String, String> members = new TreeMap<>();
    for (String entry : initialCluster.split(",")) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        members.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
      }
    }
    return members;
  }

  /**
   * How a member was first started: its initial cluster, whether it joined an existing cluster, and
   * the token. Recorded so that a member that has data keeps the same command (and is not
   * restarted).
   */
  record StartArguments(String initialCluster, boolean existing, String token) {
    String encode() {
      return (existing ? "existing" : "new") + "\n" + token + "\n" + initialCluster;
    }

    static Optional<StartArguments> decode(String text) {
      String[] parts = text.split("\n", 3);
      if (parts.length != 3) {
        return Optional.empty();
      }
      return Optional.of(new StartArguments(parts[2], parts[0].equals("existing"), parts[1]));
    }
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
