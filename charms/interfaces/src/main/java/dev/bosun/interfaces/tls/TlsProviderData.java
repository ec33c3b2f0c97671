package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.internal.PemText;
import dev.bosun.interfaces.internal.UnitNames;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a provider (the certificate authority) publishes on a tls-certificates relation: the CA
 * certificate, an optional chain, and the certificates it issued, by requesting unit. Only public
 * material: Bosun never sends a private key (the original interface sent {@code
 * <unit_name>.server.key}, {@code client.key} and a {@code key} beside every {@code cert}).
 *
 * <pre>{@code
 * TlsProviderData data =
 *     TlsProviderData.builder(caPem)
 *         .certificate(request.key(), issuedPem)
 *         .build();
 * }</pre>
 *
 * @param ca the CA certificate, PEM ({@code ca})
 * @param chain the chain of trust, PEM, if any ({@code chain})
 * @param issued certificates by requesting unit in wire form ({@code etcd_0}), ordered by unit
 */
public record TlsProviderData(
    String ca, Optional<String> chain, Map<String, IssuedCertificates> issued) {

  /**
   * Checks the components.
   *
   * @throws dev.bosun.interfaces.InvalidInterfaceDataException when the CA or chain is not PEM
   *     certificates only, or a unit name is not in wire form
   */
  public TlsProviderData {
    PemText.requireCertificates("ca", ca);
    requireNonNull(chain, "chain");
    chain.ifPresent(pem -> PemText.requireCertificates("chain", pem));
    requireNonNull(issued, "issued");
    TreeMap<String, IssuedCertificates> copy = new TreeMap<>(UnitNames.ORDER);
    issued.forEach(
        (unit, certificates) -> {
          TlsValues.wireUnitName("issued", unit);
          copy.put(unit, requireNonNull(certificates, "certificates"));
        });
    issued = Collections.unmodifiableSortedMap(copy);
  }

  /** Starts a record with the CA certificate. */
  public static Builder builder(String ca) {
    return new Builder(ca);
  }

  /** Returns the certificates issued to a unit (wire form), possibly none. */
  public IssuedCertificates issuedTo(String unitName) {
    return issued.getOrDefault(unitName, IssuedCertificates.NONE);
  }

  /** Returns the certificate issued for a request, if any. */
  public Optional<String> certificate(RequestKey key) {
    return issuedTo(key.unitName()).certificate(key.type(), key.commonName());
  }

  /** Describes the certificates without their content. */
  @Override
  public String toString() {
    return "TlsProviderData[ca="
        + PemText.describe(ca)
        + ", chain="
        + chain.map(PemText::describe).orElse("none")
        + ", issued="
        + issued
        + "]";
  }

  /** Builds a {@link TlsProviderData}. */
  public static final class Builder {
    private final String ca;
    private String chain;
    private final Map<String, String> topLevel = new HashMap<>();
    private final Map<String, Map<String, String>> server = new HashMap<>();
    private final Map<String, Map<String, String>> client = new HashMap<>();

    private Builder(String ca) {
      this.ca = requireNonNull(ca, "ca");
    }

    /** Sets the chain of trust. */
    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    /** Publishes a certificate for a request, in the slot its key names. */
    public Builder certificate(RequestKey key, String certificate) {
      requireNonNull(certificate, "certificate");
      switch (key.type()) {
        case TOP_LEVEL_SERVER -> topLevel.put(key.unitName(), certificate);
        case SERVER ->
            server
                .computeIfAbsent(key.unitName(), u -> new TreeMap<>())
                .put(key.commonName(), certificate);
        case CLIENT ->
            client
                .computeIfAbsent(key.unitName(), u -> new TreeMap<>())
                .put(key.commonName(), certificate);
      }
      return this;
    }

    /**
     * Returns the record.
     *
     * @throws dev.bosun.interfaces.InvalidInterfaceDataException when a value is not valid
     */
    public TlsProviderData build() {
      Map<String, IssuedCertificates> issued = new HashMap<>();
      java.util.Set<String> units = new java.util.HashSet<>(topLevel.keySet());
      units.addAll(server.keySet());
      units.addAll(client.keySet());
      for (String unit : units) {
        issued.put(
            unit,
            new IssuedCertificates(
                Optional.ofNullable(topLevel.get(unit)),
                server.getOrDefault(unit, Map.of()),
                client.getOrDefault(unit, Map.of())));
      }
      return new TlsProviderData(ca, Optional.ofNullable(chain), issued);
    }
  }
}
