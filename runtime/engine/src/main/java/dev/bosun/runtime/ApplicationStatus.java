package dev.bosun.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's status. Its {@link #status()} is the one the leader set, else derived from its
 * units' workload statuses by Juju's severity order ({@code error > blocked > maintenance > waiting
 * > active > terminated > unknown}; the first unit with the highest severity supplies the message;
 * no units gives {@code unknown}).
 *
 * @param name the application name
 * @param charm the charm name
 * @param charmVersion how many times the application was refreshed (0 when never)
 * @param exposed whether the application is exposed
 * @param subordinate whether its charm is a subordinate
 * @param life {@code alive} or {@code dying}
 * @param status the application status
 * @param scale how many units it has
 * @param units its units by name in unit order; a subordinate application's units are listed under
 *     their principals instead
 * @param relations for each endpoint, the applications related on it (sorted)
 * @param subordinateTo for a subordinate, the principal applications it attaches to
 */
public record ApplicationStatus(
    String name,
    String charm,
    int charmVersion,
    boolean exposed,
    boolean subordinate,
    String life,
    StatusInfo status,
    int scale,
    Map<String, UnitStatus> units,
    Map<String, List<String>> relations,
    List<String> subordinateTo) {

  /** Copies the collections. */
  public ApplicationStatus {
    units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
    subordinateTo = List.copyOf(subordinateTo);
  }
}
