package dev.bosun.charm.internal;

import dev.bosun.charm.Relation;
import dev.bosun.charm.RelationData;
import dev.bosun.charm.spi.RelationChanges;
import dev.bosun.charm.spi.RelationView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A relation as one hook sees it: the runtime's committed view with this hook's writes buffered on
 * top, and Juju's access rules applied to every bag.
 */
final class BufferedRelation implements Relation {
  private final HookScope scope;
  private final RelationView view;
  private final boolean leader;
  private final Map<String, String> unitWrites = new LinkedHashMap<>();
  private final Map<String, String> applicationWrites = new LinkedHashMap<>();
  private Databag localUnit;
  private Databag application;
  private Databag remoteApplication;
  private Map<String, Databag> remoteUnits;

  BufferedRelation(HookScope scope, RelationView view, boolean leader) {
    this.scope = scope;
    this.view = view;
    this.leader = leader;
  }

  RelationView view() {
    return view;
  }

  @Override
  public int id() {
    return view.id();
  }

  @Override
  public String endpoint() {
    return view.endpoint();
  }

  @Override
  public String interfaceName() {
    return view.interfaceName();
  }

  @Override
  public String remoteApplication() {
    return view.remoteApplication();
  }

  @Override
  public boolean isPeer() {
    return view.isPeer();
  }

  @Override
  public Set<String> units() {
    scope.ensureOpen();
    return view.remoteUnits();
  }

  @Override
  public RelationData unitData(String unit) {
    scope.ensureOpen();
    if (unit.equals(scope.unitName())) {
      return localUnitData();
    }
    if (remoteUnits == null) {
      remoteUnits = new HashMap<>();
    }
    Databag bag = remoteUnits.get(unit);
    if (bag == null) {
      Map<String, String> data =
          view.remoteUnitData(unit)
              .orElseThrow(
                  () ->
                      new NoSuchElementException(
                          "unit "
                              + unit
                              + " never joined relation "
                              + describe()
                              + "; its units are "
                              + view.remoteUnits()));
      bag =
          new Databag(
              scope,
              id(),
              data,
              null,
              null,
              scope.unitName() + " cannot write the data of remote unit " + unit);
      remoteUnits.put(unit, bag);
    }
    return bag;
  }

  @Override
  public RelationData localUnitData() {
    scope.ensureOpen();
    if (localUnit == null) {
      localUnit = new Databag(scope, id(), view.localUnitData(), unitWrites, null, null);
    }
    return localUnit;
  }

  @Override
  public RelationData applicationData() {
    scope.ensureOpen();
    if (application == null) {
      String readDenied =
          leader || view.isPeer()
              ? null
              : scope.unitName() + " is not leader and cannot read its own application databag";
      String writeDenied =
          leader ? null : scope.unitName() + " is not leader and cannot write application data.";
      application =
          new Databag(
              scope, id(), view.localApplicationData(), applicationWrites, readDenied, writeDenied);
    }
    return application;
  }

  @Override
  public RelationData remoteApplicationData() {
    scope.ensureOpen();
    if (remoteApplication == null) {
      String writeDenied =
          scope.unitName() + " cannot write the data of remote application " + remoteApplication();
      if (view.isPeer()) {
        writeDenied += " (in a peer relation, write the application's bag: applicationData())";
      }
      remoteApplication =
          new Databag(scope, id(), view.remoteApplicationData(), null, null, writeDenied);
    }
    return remoteApplication;
  }

  /** Returns this hook's changes to the relation, or null when it changed nothing. */
  RelationChanges changes() {
    Map<String, String> unit = localUnit == null ? Map.of() : localUnit.changes();
    Map<String, String> app = application == null ? Map.of() : application.changes();
    if (unit.isEmpty() && app.isEmpty()) {
      return null;
    }
    return new RelationChanges(unit, app);
  }

  /** Returns the relation as Juju names it in messages: {@code db:3}. */
  String describe() {
    return endpoint() + ":" + id();
  }

  @Override
  public String toString() {
    return "Relation[" + describe() + " with " + remoteApplication() + "]";
  }
}
