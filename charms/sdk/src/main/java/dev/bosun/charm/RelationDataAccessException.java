package dev.bosun.charm;

import dev.bosun.model.BosunException;

/**
 * Thrown when a charm reads or writes a databag Juju's rules do not let it, with Juju's message:
 * {@code etcd/1 is not leader and cannot read its own application databag}, {@code etcd/1 is not
 * leader and cannot write application data.}, {@code etcd/0 cannot write the data of remote
 * application easyrsa}, {@code etcd/0 cannot write the data of remote unit easyrsa/0}.
 */
public class RelationDataAccessException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String unit;
  private final int relationId;

  /** Creates the exception for a unit's access to a relation's bag. */
  public RelationDataAccessException(String unit, int relationId, String message) {
    super(message);
    this.unit = unit;
    this.relationId = relationId;
  }

  /** Returns the unit that attempted the access. */
  public String unit() {
    return unit;
  }

  /** Returns the relation id. */
  public int relationId() {
    return relationId;
  }
}
