package dev.bosun.runtime;

import java.util.List;

/**
 * A relation's status.
 *
 * @param id the relation id, unique in the model
 * @param key Juju's relation key: {@code requirer-app:ep provider-app:ep}, or {@code app:ep} for a
 *     peer relation
 * @param endpoints the endpoints as {@code app:endpoint}, in the key's order
 * @param interfaceName the interface
 * @param type {@code regular}, {@code peer} or {@code subordinate}
 * @param status {@code joining} until a unit enters its scope, then {@code joined}; {@code broken}
 *     while it is being removed
 */
public record RelationStatus(
    int id, String key, List<String> endpoints, String interfaceName, String type, String status) {

  /** Copies the endpoints. */
  public RelationStatus {
    endpoints = List.copyOf(endpoints);
  }
}
