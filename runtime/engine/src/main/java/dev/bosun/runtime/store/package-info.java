/**
 * The store SPI: where a model's state lives ({@link dev.bosun.runtime.store.Store}), and {@link
 * dev.bosun.runtime.store.InMemoryStore}, the backend for tests and embedding.
 */
package dev.bosun.runtime.store;
