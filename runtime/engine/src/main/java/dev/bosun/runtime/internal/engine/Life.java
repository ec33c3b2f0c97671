package dev.bosun.runtime.internal.engine;

/** Juju's life of an entity: alive, or dying (going away); a dead entity is removed. */
enum Life {
  ALIVE,
  DYING;

  @Override
  public String toString() {
    return this == ALIVE ? "alive" : "dying";
  }
}
