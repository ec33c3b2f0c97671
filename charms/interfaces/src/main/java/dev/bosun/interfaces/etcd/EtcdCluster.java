package dev.bosun.interfaces.etcd;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Membership derived from the {@code cluster} peer relation: the members that should exist and the
 * endpoints that belong in the {@code db} connection string. The etcd charm reconciles {@link
 * #desiredMembers} with {@code member list}: it adds the missing ones (one at a time) and removes
 * members no unit claims any more — from the surviving side, not from the departing unit's stop
 * hook.
 */
public final class EtcdCluster {
  private EtcdCluster() {}

  /**
   * Returns the desired members, member name to peer URL, sorted by name: this unit and every peer.
   *
   * @param self this unit's record
   * @param peers the peer units' records ({@code TypedRelation.remoteUnits().values()})
   * @throws InvalidInterfaceDataException when two units claim the same member name with different
   *     peer URLs, or two members the same peer URL
   */
  public static SortedMap<String, String> desiredMembers(
      EtcdPeer self, Collection<EtcdPeer> peers) {
    requireNonNull(self, "self");
    TreeMap<String, String> members = new TreeMap<>();
    Map<String, String> byUrl = new TreeMap<>();
    for (EtcdPeer peer : concat(self, peers)) {
      String previous = members.putIfAbsent(peer.memberName(), peer.peerUrl());
      if (previous != null && !previous.equals(peer.peerUrl())) {
        throw new InvalidInterfaceDataException(
            "member-name",
            "two units claim member \""
                + peer.memberName()
                + "\", with peer URLs "
                + previous
                + " and "
                + peer.peerUrl());
      }
      String owner = byUrl.putIfAbsent(peer.peerUrl(), peer.memberName());
      if (owner != null && !owner.equals(peer.memberName())) {
        throw new InvalidInterfaceDataException(
            "peer-url",
            "members \""
                + owner
                + "\" and \""
                + peer.memberName()
                + "\" share peer URL "
                + peer.peerUrl());
      }
    }
    return Collections.unmodifiableSortedMap(members);
  }

  /**
   * Returns the {@code --initial-cluster} value for the desired members: {@code
   * etcd0=https://10.0.0.1:2380,etcd1=https://10.0.0.2:2380}.
   */
  public static String initialCluster(Map<String, String> members) {
    return new TreeMap<>(members)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }

  /**
   * Returns the client URLs of the registered members (this unit's too), sorted without repeats:
   * the endpoints of the {@code db} connection string.
   */
  public static List<String> registeredEndpoints(EtcdPeer self, Collection<EtcdPeer> peers) {
    TreeSet<String> endpoints = new TreeSet<>();
    for (EtcdPeer peer : concat(self, peers)) {
      peer.clientUrl().ifPresent(endpoints::add);
    }
    return List.copyOf(endpoints);
  }

  private static List<EtcdPeer> concat(EtcdPeer self, Collection<EtcdPeer> peers) {
    List<EtcdPeer> all = new java.util.ArrayList<>();
    all.add(self);
    all.addAll(peers);
    return all;
  }
}
