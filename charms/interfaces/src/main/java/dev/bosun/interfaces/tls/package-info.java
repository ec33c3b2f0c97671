/**
 * The {@code tls-certificates} interface with certificate signing requests: requesters keep their
 * private keys, the certificate authority returns certificates only.
 *
 * <p>Start at {@link dev.bosun.interfaces.tls.TlsCertificates}. Requirers publish {@link
 * dev.bosun.interfaces.tls.TlsRequirerData} and read their certificates with {@link
 * dev.bosun.interfaces.tls.UnitCertificates}; the provider reads {@link
 * dev.bosun.interfaces.tls.CertificateRequest}s with {@link dev.bosun.interfaces.tls.TlsRequests}
 * and publishes {@link dev.bosun.interfaces.tls.TlsProviderData}.
 */
package dev.bosun.interfaces.tls;
