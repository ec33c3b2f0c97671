package dev.bosun.charm;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the model is converging to, as Juju's {@code goal-state} hook tool reports it: the units the
 * application is meant to have, and per endpoint the remote units it is meant to be related to,
 * whether or not they have started or joined yet. A charm uses it to tell "every peer has spoken"
 * from "the peers that happened to join first have spoken" — for example to bootstrap a cluster
 * with all its initial members at once rather than growing it one member at a time.
 *
 * <p>Units that are going away (dying) are left out: the goal is the model after the changes in
 * progress. Unlike Juju's tool, no per-unit status is given; ask the relation data for progress.
 *
 * <pre>{@code
 * SortedSet<String> peers = ctx.goalState().relatedUnits("cluster");
 * boolean everyPeerPublished = relation.remoteUnits().keySet().containsAll(peers);
 * }</pre>
 *
 * @param units the application's units, this one included, sorted by name
 * @param relatedUnits per endpoint of this unit's live relations, the remote units expected on it
 *     (for a peer endpoint, the other units of the application), sorted by name
 */
public record GoalState(SortedSet<String> units, Map<String, SortedSet<String>> relatedUnits) {

  /** Copies the components into unmodifiable sorted collections. */
  public GoalState {
    requireNonNull(units, "units");
    requireNonNull(relatedUnits, "relatedUnits");
    units = Collections.unmodifiableSortedSet(new TreeSet<>(units));
    TreeMap<String, SortedSet<String>> related = new TreeMap<>();
    relatedUnits.forEach(
        (endpoint, remote) ->
            related.put(endpoint, Collections.unmodifiableSortedSet(new TreeSet<>(remote))));
    relatedUnits = Collections.unmodifiableMap(related);
  }

  /**
   * Returns the remote units expected on an endpoint; empty when the endpoint has no live relation.
   */
  public SortedSet<String> relatedUnits(String endpoint) {
    requireNonNull(endpoint, "endpoint");
    return relatedUnits.getOrDefault(endpoint, Collections.emptySortedSet());
  }
}
