package dev.bosun.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of the whole model, taken from one consistent snapshot.
 *
 * <pre>{@code
 * ModelStatus status = runtime.status();
 * status.applications().get("etcd").status();          // active
 * status.unit("etcd/0").orElseThrow().agent().current(); // idle
 * }</pre>
 *
 * @param model the model name
 * @param timestamp when the snapshot was taken (on the runtime's clock)
 * @param applications the applications, by name, sorted
 * @param machines the machines, by id, in natural order
 * @param relations the relations, by id
 */
public record ModelStatus(
    String model,
    Instant timestamp,
    Map<String, ApplicationStatus> applications,
    Map<String, MachineStatus> machines,
    List<RelationStatus> relations) {

  /** Copies the collections. */
  public ModelStatus {
    applications = Collections.unmodifiableMap(new LinkedHashMap<>(applications));
    machines = Collections.unmodifiableMap(new LinkedHashMap<>(machines));
    relations = List.copyOf(relations);
  }

  /** Returns a unit's status, principal or subordinate. */
  public Optional<UnitStatus> unit(String name) {
    return Optional.ofNullable(units().get(name));
  }

  /** Returns every unit's status, principals and subordinates, by name. */
  public Map<String, UnitStatus> units() {
    Map<String, UnitStatus> all = new LinkedHashMap<>();
    for (ApplicationStatus application : applications.values()) {
      for (UnitStatus unit : application.units().values()) {
        all.put(unit.name(), unit);
        all.putAll(unit.subordinates());
      }
    }
    return all;
  }
}
