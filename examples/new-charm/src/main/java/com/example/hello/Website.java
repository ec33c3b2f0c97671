package com.example.hello;

import dev.bosun.charm.relation.RelationInterface;

/**
 * What a hello unit tells the applications related on {@code website}: the classic {@code http}
 * interface, one record per unit.
 *
 * @param hostname the unit's address
 * @param port the port it serves on
 */
public record Website(String hostname, int port) {

  /** What the other side publishes: nothing. */
  public record NoData() {}

  /** The {@code http} interface: the provider publishes a {@link Website}, the requirer nothing. */
  public static final RelationInterface<Website, NoData> HTTP =
      RelationInterface.of("http", Website.class, NoData.class);
}
