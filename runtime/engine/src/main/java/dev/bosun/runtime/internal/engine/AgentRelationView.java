package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.spi.RelationView;
import dev.bosun.model.charm.Role;
import dev.bosun.model.graph.RelationEndpoint;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * One relation as a unit sees it during a hook. Membership is the unit's local state; bags are read
 * from the store on first use and kept for the hook.
 */
final class AgentRelationView implements RelationView {
  private final Engine engine;
  private final UnitNode unit;
  private final RelationNode relation;
  private final RelationEndpoint local;
  private final String remoteApplication;
  private final boolean broken;
  private final Set<String> remoteUnits;
  private final Map<String, Optional<Map<String, String>>> remoteBags = new HashMap<>(4);
  private Map<String, String> localBag;
  private Map<String, String> localApplicationBag;
  private Map<String, String> remoteApplicationBag;

  AgentRelationView(
      Engine engine,
      UnitNode unit,
      LocalRelation state,
      boolean broken,
      String joining,
      String departing) {
    this.engine = engine;
    this.unit = unit;
    this.relation = state.relation;
    this.local = relation.endpointOf(unit.app.name);
    this.remoteApplication = relation.counterpartOf(unit.app.name);
    this.broken = broken;
    this.remoteUnits = new AdjustedSet(state.members.navigableKeySet(), joining, departing);
  }

  @Override
  public int id() {
    return relation.id;
  }

  @Override
  public String endpoint() {
    return local.name();
  }

  @Override
  public String interfaceName() {
    return local.endpoint().interfaceName();
  }

  @Override
  public Role role() {
    return local.role();
  }

  @Override
  public String remoteApplication() {
    return remoteApplication;
  }

  @Override
  public boolean isPeer() {
    return relation.isPeer();
  }

  @Override
  public boolean isBroken() {
    return broken;
  }

  @Override
  public Set<String> remoteUnits() {
    return remoteUnits;
  }

  @Override
  public Optional<Map<String, String>> remoteUnitData(String remoteUnit) {
    return remoteBags.computeIfAbsent(
        remoteUnit,
        name -> {
          boolean joined;
          engine.lock.lock();
          try {
            RelationNode.BagNode bag = relation.bags.get(name);
            joined = bag != null && bag.joined && !name.equals(unit.name);
          } finally {
            engine.lock.unlock();
          }
          return joined ? Optional.of(engine.readBag(relation.id, name)) : Optional.empty();
        });
  }

  @Override
  public Map<String, String> localUnitData() {
    if (localBag == null) {
      localBag = engine.readBag(relation.id, unit.name);
    }
    return localBag;
  }

  @Override
  public Map<String, String> localApplicationData() {
    if (localApplicationBag == null) {
      localApplicationBag = engine.readApplicationBag(relation.id, unit.app.name);
    }
    return localApplicationBag;
  }

  @Override
  public Map<String, String> remoteApplicationData() {
    if (relation.isPeer()) {
      return Map.of();
    }
    if (remoteApplicationBag == null) {
      remoteApplicationBag = engine.readApplicationBag(relation.id, remoteApplication);
    }
    return remoteApplicationBag;
  }

  @Override
  public String toString() {
    return local.name() + ":" + relation.id;
  }

  /**
   * A sorted set view of the members, with a joining unit added and a departing unit removed,
   * without copying the members.
   */
  static final class AdjustedSet extends AbstractSet<String> {
    private final NavigableSet<String> base;
    private final String plus;
    private final String minus;

    AdjustedSet(NavigableSet<String> base, String plus, String minus) {
      this.base = Collections.unmodifiableNavigableSet(base);
      this.plus = plus != null && !base.contains(plus) ? plus : null;
      this.minus = minus != null && base.contains(minus) ? minus : null;
    }

    @Override
    public boolean contains(Object o) {
      if (o == null) {
        return false;
      }
      if (o.equals(plus)) {
        return true;
      }
      return !o.equals(minus) && base.contains(o);
    }

    @Override
    public int size() {
      return base.size() + (plus == null ? 0 : 1) - (minus == null ? 0 : 1);
    }

    @Override
    public Iterator<String> iterator() {
      Iterator<String> inner = base.iterator();
      return new Iterator<>() {
        private String pendingPlus = plus;
        private String peeked = advanceBase();

        private String advanceBase() {
          while (inner.hasNext()) {
            String candidate = inner.next();
            if (!candidate.equals(minus)) {
              return candidate;
            }
          }
          return null;
        }

        @Override
        public boolean hasNext() {
          return peeked != null || pendingPlus != null;
        }

        @Override
        public String next() {
          if (pendingPlus != null && (peeked == null || pendingPlus.compareTo(peeked) < 0)) {
            String result = pendingPlus;
            pendingPlus = null;
            return result;
          }
          if (peeked == null) {
            throw new NoSuchElementException();
          }
          String result = peeked;
          peeked = advanceBase();
          return result;
        }
      };
    }
  }
}
