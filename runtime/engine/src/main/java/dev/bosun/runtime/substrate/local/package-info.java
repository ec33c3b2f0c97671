/**
 * The local substrate: real machines on this host ({@link
 * dev.bosun.runtime.substrate.local.LocalSubstrate}), each a directory tree and a loopback address
 * of its own, with services supervised as real processes that outlive the JVM; and the store of
 * resource files attached to applications ({@link
 * dev.bosun.runtime.substrate.local.ResourceStore}).
 */
package dev.bosun.runtime.substrate.local;
