package dev.bosun.runtime.internal.engine;

import dev.bosun.runtime.internal.persist.Json;
import dev.bosun.runtime.store.Txn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of one state change, committed in one store transaction. A key written twice keeps the
 * last write; a delete cancels an earlier put of the key.
 */
final class Commit {
  private final Map<String, Object> puts = new LinkedHashMap<>();
  private final Map<String, Long> leases = new LinkedHashMap<>(0);
  private final Set<String> deletes = new LinkedHashSet<>();
  private final List<Txn.Compare> compares = new ArrayList<>(0);

  /** Puts a document (encoded as JSON when the transaction is built), or raw bytes. */
  Commit put(String key, Object document) {
    deletes.remove(key);
    puts.put(key, document);
    return this;
  }

  /** Puts the agent's document as it is when the transaction is built. */
  Commit putAgent(UnitAgent agent) {
    return put(
        dev.bosun.runtime.internal.persist.Keys.agent(agent.unit.name), new AgentDocument(agent));
  }

  private record AgentDocument(UnitAgent agent) {}

  Commit putWithLease(String key, Object document, long lease) {
    put(key, document);
    leases.put(key, lease);
    return this;
  }

  Commit delete(String key) {
    puts.remove(key);
    leases.remove(key);
    deletes.add(key);
    return this;
  }

  /** Returns the document this commit puts at a key, or null. */
  Object pending(String key) {
    return puts.get(key);
  }

  Commit requireModRevision(String key, long revision) {
    compares.add(new Txn.Compare(key, revision));
    return this;
  }

  boolean isEmpty() {
    return puts.isEmpty() && deletes.isEmpty();
  }

  Txn toTxn() {
    Txn.Builder builder = Txn.builder();
    for (Txn.Compare compare : compares) {
      builder.ifModRevision(compare.key(), compare.modRevision());
    }
    puts.forEach(
        (key, document) -> {
          Object value =
              document instanceof AgentDocument agent ? agent.agent().document() : document;
          byte[] bytes = value instanceof byte[] raw ? raw : Json.encode(value);
          builder.put(key, bytes, leases.getOrDefault(key, 0L));
        });
    deletes.forEach(builder::delete);
    return builder.build();
  }
}
