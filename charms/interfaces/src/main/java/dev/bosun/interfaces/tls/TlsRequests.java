package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Relation;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.internal.UnitNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The provider's view of certificate requests: which there are, which are new or changed, which
 * were withdrawn.
 *
 * <p>"Changed" follows the original interface: a request needs a (new) certificate when none was
 * issued for it, or when its SANs, taken as a sorted set, differ from those of the certificate
 * issued; Bosun adds a changed CSR (the requester rotated its key). Both are captured by {@link
 * CertificateRequest#fingerprint()}: the provider keeps the fingerprint of each certificate it
 * issued, by {@link RequestKey#id()}, in its own state, and passes that map here.
 */
public final class TlsRequests {
  private TlsRequests() {}

  /**
   * The requests read from a relation, and the units whose data could not be read.
   *
   * @param requests every request of every unit that published valid data, ordered by key
   * @param rejected units (Juju name) whose data did not parse, with the error (which names the key
   *     and never repeats a secret); typically a pre-Bosun requirer that sends no CSR
   */
  public record RequestSet(
      List<CertificateRequest> requests, Map<String, WireFormatException> rejected) {
    /** Copies the components. */
    public RequestSet {
      requests = List.copyOf(requests);
      TreeMap<String, WireFormatException> copy = new TreeMap<>(UnitNames.ORDER);
      copy.putAll(rejected);
      rejected = Collections.unmodifiableSortedMap(copy);
    }
  }

  /**
   * Reads the requests of every remote unit of a relation, one unit at a time, so that one unit
   * with bad data does not hide the requests of the others. A unit that has not published its
   * {@code unit_name} yet has no requests. Reads the remote units' bags of an untyped relation (the
   * provider's side of {@link TlsCertificates#PROVIDER}). When two units publish the same {@code
   * unit_name}, the second (in unit order) is rejected, so no unit can take another's certificates.
   */
  public static RequestSet read(Relation relation) {
    List<CertificateRequest> requests = new ArrayList<>();
    Map<String, WireFormatException> rejected = new TreeMap<>();
    Map<String, String> claimedBy = new TreeMap<>();
    List<String> units = new ArrayList<>(relation.units());
    units.sort(UnitNames.ORDER);
    for (String unit : units) {
      try {
        var decoded = TlsCertificates.REQUIRER_CODEC.decode(relation.unitData(unit).asMap());
        if (decoded.isEmpty()) {
          continue;
        }
        String claimed = decoded.get().unitName();
        String first = claimedBy.putIfAbsent(claimed, unit);
        if (first != null) {
          throw new WireFormatException(
              TlsRequirerCodec.UNIT_NAME,
              "relation data key \"unit_name\": unit "
                  + unit
                  + " publishes \""
                  + claimed
                  + "\", which unit "
                  + first
                  + " already publishes; each unit must send its own name",
              null);
        }
        requests.addAll(decoded.get().requests());
      } catch (WireFormatException e) {
        rejected.put(unit, e);
      }
    }
    requests.sort(null);
    return new RequestSet(requests, rejected);
  }

  /** Returns every request of the given requirer records, ordered by key. */
  public static List<CertificateRequest> all(Collection<TlsRequirerData> requirers) {
    List<CertificateRequest> requests = new ArrayList<>();
    for (TlsRequirerData data : requirers) {
      requests.addAll(data.requests());
    }
    requests.sort(null);
    return List.copyOf(requests);
  }

  /**
   * Returns the requests that need a certificate: those with no issued fingerprint, and those whose
   * fingerprint changed (SANs changed as a set, or a new CSR), in key order.
   *
   * @param requests the current requests
   * @param issuedFingerprints the fingerprint of the certificate issued for each request, by {@link
   *     RequestKey#id()}
   */
  public static List<CertificateRequest> newOrChanged(
      Collection<CertificateRequest> requests, Map<String, String> issuedFingerprints) {
    requireNonNull(issuedFingerprints, "issuedFingerprints");
    List<CertificateRequest> pending = new ArrayList<>();
    for (CertificateRequest request : requests) {
      String issued = issuedFingerprints.get(request.key().id());
      if (issued == null || !issued.equals(request.fingerprint())) {
        pending.add(request);
      }
    }
    pending.sort(null);
    return List.copyOf(pending);
  }

  /**
   * Returns the ids of issued certificates that no request asks for any more (the unit departed or
   * withdrew the request), sorted; the provider stops publishing them and forgets them.
   */
  public static SortedMap<String, RequestKey> withdrawn(
      Collection<CertificateRequest> requests, Collection<String> issuedIds) {
    Set<String> requested = new HashSet<>();
    for (CertificateRequest request : requests) {
      requested.add(request.key().id());
    }
    TreeMap<String, RequestKey> withdrawn = new TreeMap<>();
    for (String id : new TreeSet<>(issuedIds)) {
      if (!requested.contains(id)) {
        withdrawn.put(id, RequestKey.parse(id));
      }
    }
    return Collections.unmodifiableSortedMap(withdrawn);
  }
}
