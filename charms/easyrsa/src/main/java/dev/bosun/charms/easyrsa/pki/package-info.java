/**
 * The easyrsa charm's certificate authority, built on BouncyCastle and independent of the charm
 * SDK: create a CA once ({@link dev.bosun.charms.easyrsa.pki.CertificateAuthority}), sign server
 * and client certificates from certificate signing requests, keep the CA on disk with its key at
 * mode 0600 ({@link dev.bosun.charms.easyrsa.pki.CaStore}), and back it up and restore it ({@link
 * dev.bosun.charms.easyrsa.pki.CaBackups}). Requesters generate and keep their own keys with {@link
 * dev.bosun.charms.easyrsa.pki.RequesterKey}.
 *
 * <p>Secrets: no type's {@code toString()} and no exception message holds private key material.
 */
package dev.bosun.charms.easyrsa.pki;
