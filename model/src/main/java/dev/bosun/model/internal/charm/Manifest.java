package dev.bosun.model.internal.charm;

import java.util.List;

/**
 * What {@code manifest.yaml} says about a charm: the bases it was built for. A charm whose manifest
 * lists at least one base uses metadata v2.
 *
 * @param bases the bases, in order
 */
public record Manifest(List<Base> bases) {

  /** Copies the list. */
  public Manifest {
    bases = List.copyOf(bases);
  }

  /**
   * One base of a manifest.
   *
   * @param name the operating system, for example {@code ubuntu}
   * @param channel the channel, for example {@code 22.04}
   * @param architectures the architectures, normalised ({@code x86_64} becomes {@code amd64})
   */
  public record Base(String name, String channel, List<String> architectures) {

    /** Copies the list. */
    public Base {
      architectures = List.copyOf(architectures);
    }
  }
}
