/**
 * The store contract test suite: {@link dev.bosun.testing.store.StoreContract}, which every {@link
 * dev.bosun.runtime.store.Store} backend extends to prove it keeps the contract of the store SPI.
 */
package dev.bosun.testing.store;
