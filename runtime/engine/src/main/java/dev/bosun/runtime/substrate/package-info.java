/**
 * The substrate SPI: where machines come from ({@link dev.bosun.runtime.substrate.Substrate}), and
 * {@link dev.bosun.runtime.substrate.InMemorySubstrate}, whose machines are directories.
 */
package dev.bosun.runtime.substrate;
