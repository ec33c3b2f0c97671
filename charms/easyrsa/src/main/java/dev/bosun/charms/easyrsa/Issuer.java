package dev.bosun.charms.easyrsa;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.Relation;
import dev.bosun.charms.easyrsa.pki.CaStore;
import dev.bosun.charms.easyrsa.pki.CertificateAuthority;
import dev.bosun.charms.easyrsa.pki.CertificateSigningRequest;
import dev.bosun.charms.easyrsa.pki.Pem;
import dev.bosun.charms.easyrsa.pki.PkiException;
import dev.bosun.charms.easyrsa.pki.PkiSettings;
import dev.bosun.interfaces.tls.CertificateRequest;
import dev.bosun.interfaces.tls.RequestKey;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequests;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The leader's signing of one {@code client} relation's requests.
 *
 * <p>Issued certificates are kept in the machine's CA store (id {@code <relation id>/<request
 * id>}). Whether one still answers its request is decided from the certificate itself ({@link
 * CertificateAuthority#answers}): signed by the current CA, for the CSR's public key, with the
 * requested common name and exactly the requested SANs (as a set), and not yet two thirds through
 * its validity. Otherwise the request is signed again — so a changed SAN list, a rotated requester
 * key, a restored different CA or an ageing certificate all lead to a new certificate, while a
 * requester that merely sends a fresh CSR for the same key and names (ECDSA signatures differ every
 * time) keeps its certificate. A request that cannot be signed (a CSR for another name, a weak key)
 * is reported and keeps its previous certificate, if it had one. Certificates no request asks for
 * any more are forgotten. A new leader has no certificates on its machine and issues them again,
 * from the same CA.
 */
final class Issuer {
  private final HookContext ctx;
  private final CertificateAuthority ca;
  private final CaStore store;
  private final PkiSettings settings;

  /**
   * What one relation got.
   *
   * @param data the record to publish: the CA and every current certificate
   * @param refused the units whose requests could not be signed or read
   */
  record Result(TlsProviderData data, List<String> refused) {}

  Issuer(HookContext ctx, CertificateAuthority ca, CaStore store, PkiSettings settings) {
    this.ctx = ctx;
    this.ca = ca;
    this.store = store;
    this.settings = settings;
  }

  Result issue(Relation relation) {
    return issue(relation, null);
  }

  /**
   * Signs what is new or changed and returns the relation's record.
   *
   * @param onlyUnit when not null, the Juju name of the only unit whose requests are signed in this
   *     hook ({@code relation-joined}: the joining unit's, so its certificates are not held back
   *     behind other units' requests); the others keep what they have and are signed in the {@code
   *     relation-changed} hook Juju runs right after
   */
  Result issue(Relation relation, String onlyUnit) {
    String prefix = relation.id() + "/";
    TlsRequests.RequestSet requests = TlsRequests.read(relation);
    TreeSet<String> refused = new TreeSet<>();
    requests
        .rejected()
        .forEach(
            (unit, error) -> {
              refused.add(unit);
              ctx.log().warn("cannot read the requests of {}: {}", unit, error.getMessage());
            });

    Map<String, X509Certificate> issued = new HashMap<>();
    store
        .issued()
        .forEach(
            (id, certificate) -> {
              if (id.startsWith(prefix)) {
                issued.put(id.substring(prefix.length()), certificate);
              }
            });

    List<CertificateRequest> sorted = new ArrayList<>(requests.requests());
    sorted.sort(null);
    for (CertificateRequest request : sorted) {
      String id = request.key().id();
      if (onlyUnit != null && !onlyUnit.equals(jujuUnitName(request.key().unitName()))) {
        continue; // keeps its certificate, if it has one, until the next hook
      }
      try {
        CertificateSigningRequest csr = CertificateSigningRequest.parse(request.csr());
        X509Certificate current = issued.get(id);
        boolean server = request.key().type().isServer();
        if (current != null
            && ca.answers(current, csr, request.key().commonName(), request.sans(), server)) {
          continue;
        }
        X509Certificate certificate = sign(request, csr);
        store.saveIssued(prefix + id, certificate);
        issued.put(id, certificate);
        ctx.log()
            .info(
                "{} the {} certificate \"{}\" for {}",
                current == null ? "issued" : "re-issued",
                request.key().type().certType(),
                request.key().commonName(),
                request.key().unitName());
      } catch (PkiException e) {
        // The previous certificate, if any, stays published: a requester keeps working with it
        // until its request can be signed.
        refused.add(jujuUnitName(request.key().unitName()));
        ctx.log().warn("cannot sign {}: {}", id, e.getMessage());
      }
    }

    SortedMap<String, RequestKey> withdrawn =
        TlsRequests.withdrawn(requests.requests(), issued.keySet());
    for (String id : withdrawn.keySet()) {
      store.deleteIssued(prefix + id);
      issued.remove(id);
    }

    TlsProviderData.Builder data = TlsProviderData.builder(ca.certificatePem());
    for (CertificateRequest request : requests.requests()) {
      X509Certificate certificate = issued.get(request.key().id());
      if (certificate != null) {
        data.certificate(request.key(), Pem.certificate(certificate));
      }
    }
    return new Result(data.build(), new ArrayList<>(refused));
  }

  /**
   * Returns the Juju name of a unit's wire name ({@code etcd_0} → {@code etcd/0}): application
   * names hold no underscore, so the last one separates the unit number.
   */
  static String jujuUnitName(String wireName) {
    int separator = wireName.lastIndexOf('_');
    return separator < 0
        ? wireName
        : wireName.substring(0, separator) + "/" + wireName.substring(separator + 1);
  }

  private X509Certificate sign(CertificateRequest request, CertificateSigningRequest csr) {
    String commonName = request.key().commonName();
    int days = settings.certificateValidityDays();
    if (request.key().type().isServer()) {
      return ca.signServerCertificate(csr, commonName, request.sans(), days);
    }
    return ca.signClientCertificate(csr, commonName, days);
  }
}
