package dev.bosun.charms.easyrsa;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.event.Remove;
import dev.bosun.charm.event.Stop;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.charms.easyrsa.pki.CaBackups;
import dev.bosun.charms.easyrsa.pki.CaStore;
import dev.bosun.charms.easyrsa.pki.CertificateAuthority;
import dev.bosun.charms.easyrsa.pki.PkiSettings;
import dev.bosun.charms.easyrsa.pki.PkiSettingsException;
import dev.bosun.interfaces.tls.TlsCertificates;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequirerData;
import dev.bosun.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The easyrsa charm: a certificate authority for the applications related on {@code client} ({@code
 * tls-certificates}).
 *
 * <p>The leader creates the CA once — key type and validity from the configuration — and keeps it
 * in the application secret {@value #SECRET}, so it survives unit restarts, runner crashes and
 * leader changes without ever travelling in relation data. Every unit mirrors it into its machine's
 * {@code var/lib/easyrsa/pki} (key file 0600), where the backup actions find it. A CA that exists
 * is never regenerated: a new leader reads the secret, and a leader that crashed after creating a
 * CA but before its hook committed finds the CA on its machine and publishes that one.
 *
 * <p>The leader signs every request of every related unit from the unit's CSR (server certificates
 * with their SANs, client certificates) and re-issues a certificate when its SANs or the
 * requester's key change, or two thirds of its validity have passed ({@link Issuer}); the others
 * publish the CA certificate only. In a {@code client-relation-joined} hook it signs the joining
 * unit's requests only, so a member's first certificate never waits behind other units' requests;
 * those are signed in the {@code client-relation-changed} hook that always follows. The leader
 * announces the CA's fingerprint on the peer relation {@value #REPLICAS} so the other units mirror
 * it without waiting for {@code update-status}.
 *
 * <p>Statuses: {@value #CONNECTED} (active, related), {@value #READY} (active, not related),
 * {@value #WAITING_FOR_CA} (waiting, a non-leader before the leader created the CA), and blocked
 * with the configuration problems when the options are not valid.
 */
public final class EasyrsaCharm implements ReconcilerCharm {
  /** The label of the application secret holding the CA. */
  public static final String SECRET = "certificate-authority";

  /** The secret's key of the CA certificate (PEM). */
  public static final String SECRET_CERTIFICATE = "certificate";

  /** The secret's key of the CA private key (PKCS#8 PEM). */
  public static final String SECRET_PRIVATE_KEY = "private-key";

  /** Where the CA lives on the machine, relative to its root. */
  public static final String PKI_DIRECTORY = "var/lib/easyrsa/pki";

  /** Where backups are written on the machine, relative to its root. */
  public static final String BACKUP_DIRECTORY = "var/lib/easyrsa/backups";

  /** The endpoint requesters relate to. */
  public static final String CLIENT = "client";

  /** The peer endpoint on which the leader announces the CA, so the other units wake up. */
  public static final String REPLICAS = "replicas";

  /** The peer application data key: the SHA-256 fingerprint of the CA certificate. */
  public static final String CA_FINGERPRINT = "ca-fingerprint";

  static final String CONNECTED = "Certificate Authority connected.";
  static final String READY = "Certificate Authority ready.";
  static final String WAITING_FOR_CA =
      "Waiting for the leader to create the Certificate Authority.";

  /** Creates the charm; a fresh instance handles each hook. */
  public EasyrsaCharm() {}

  @Override
  public void reconcile(HookContext ctx) {
    if (ctx.event() instanceof Stop || ctx.event() instanceof Remove) {
      return;
    }
    Optional<PkiSettings> settings = settings(ctx);
    if (settings.isEmpty()) {
      return;
    }
    CaStore store = store(ctx);
    Optional<CertificateAuthority> ca = authority(ctx, store, settings.get());
    if (ca.isEmpty()) {
      ctx.status().unit(Status.waiting(WAITING_FOR_CA));
      return;
    }
    if (ctx.isLeader()) {
      announce(ctx, ca.get());
    }
    serve(ctx, ca.get(), store, settings.get());
  }

  @Override
  public void onAction(HookContext ctx, ActionEvent event) {
    CaStore store = store(ctx);
    CaBackups backups = CaBackups.of(store, ctx.machine().path(BACKUP_DIRECTORY));
    new BackupActions(ctx, store, backups, this).run(event.name());
  }

  /** Reads the options; blocks the unit with every problem when they are not valid. */
  static Optional<PkiSettings> settings(HookContext ctx) {
    try {
      return Optional.of(
          PkiSettings.fromConfig(
              ctx.config().string("key-type"),
              ctx.config().integer("key-size"),
              ctx.config().integer("ca-validity-days"),
              ctx.config().integer("certificate-validity-days")));
    } catch (PkiSettingsException e) {
      String problems =
          e.problems().stream().map(Problem::message).collect(Collectors.joining("; "));
      ctx.status().unit(Status.blocked("Invalid configuration: " + problems));
      return Optional.empty();
    }
  }

  static CaStore store(HookContext ctx) {
    return CaStore.open(ctx.machine().path(PKI_DIRECTORY));
  }

  /**
   * Returns the application's CA: the one in the secret (mirrored to this machine), else — on the
   * leader — the one on this machine or a new one, which goes into the secret. Empty on a
   * non-leader before the leader created it.
   */
  static Optional<CertificateAuthority> authority(
      HookContext ctx, CaStore store, PkiSettings settings) {
    Optional<Map<String, String>> secret = ctx.secrets().get(SECRET);
    if (secret.isPresent()) {
      CertificateAuthority ca =
          CertificateAuthority.fromPem(
              secret.get().get(SECRET_CERTIFICATE), secret.get().get(SECRET_PRIVATE_KEY));
      if (store.adopt(ca)) {
        ctx.log().info("stored the application's certificate authority on this machine");
      }
      return Optional.of(ca);
    }
    if (!ctx.isLeader()) {
      return Optional.empty();
    }
    Optional<CertificateAuthority> local = store.load();
    CertificateAuthority ca;
    if (local.isPresent()) {
      ca = local.get();
      ctx.log().info("keeping the certificate authority found on this machine");
    } else {
      ca = store.create(ctx.machine().address(), settings);
      ctx.log().info("created the certificate authority ({})", settings.keySpec());
    }
    keep(ctx, ca);
    return Optional.of(ca);
  }

  /** Puts a CA in the application secret (leader only). */
  static void keep(HookContext ctx, CertificateAuthority ca) {
    ctx.secrets()
        .set(
            SECRET,
            Map.of(
                SECRET_CERTIFICATE, ca.certificatePem(),
                SECRET_PRIVATE_KEY, ca.privateKeyPem()));
  }

  /**
   * Puts the CA's fingerprint in the peer application data: the other units get {@code
   * replicas-relation-changed} and mirror the CA from the secret at once (secrets have no change
   * events of their own). Public information only.
   */
  static void announce(HookContext ctx, CertificateAuthority ca) {
    String fingerprint = ca.fingerprint();
    for (Relation peers : ctx.relations(REPLICAS)) {
      if (!fingerprint.equals(peers.applicationData().get(CA_FINGERPRINT).orElse(null))) {
        peers.applicationData().put(CA_FINGERPRINT, fingerprint);
      }
    }
  }

  /** The unit a {@code relation-joined} hook of this relation is about, else null. */
  private static String joining(HookContext ctx, Relation relation) {
    return ctx.event() instanceof RelationJoined joined && joined.relationId() == relation.id()
        ? joined.remoteUnit()
        : null;
  }

  /**
   * Publishes on every {@code client} relation: the leader signs what is new or changed and
   * publishes the CA and every certificate; the others publish the CA only. Sets the status.
   */
  void serve(HookContext ctx, CertificateAuthority ca, CaStore store, PkiSettings settings) {
    List<TypedRelation<TlsProviderData, TlsRequirerData>> relations =
        ctx.relations(CLIENT, TlsCertificates.PROVIDER);
    List<String> refused = new ArrayList<>();
    for (TypedRelation<TlsProviderData, TlsRequirerData> relation : relations) {
      TlsProviderData data;
      if (ctx.isLeader()) {
        Issuer issuer = new Issuer(ctx, ca, store, settings);
        Issuer.Result result = issuer.issue(relation.relation(), joining(ctx, relation.relation()));
        data = result.data();
        refused.addAll(result.refused());
      } else {
        data = TlsProviderData.builder(ca.certificatePem()).build();
      }
      TlsCertificates.publish(relation, data);
    }
    if (relations.isEmpty()) {
      ctx.status().unit(Status.active(READY));
    } else if (!refused.isEmpty()) {
      ctx.status()
          .unit(
              Status.active(
                  CONNECTED
                      + " Refused requests of "
                      + String.join(", ", refused)
                      + " (see the unit's log)."));
    } else {
      ctx.status().unit(Status.active(CONNECTED));
    }
  }
}
