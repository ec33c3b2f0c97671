package dev.bosun.model.spec;

import java.util.List;

/**
 * Who may reach an exposed endpoint: the overlay-only {@code exposed-endpoints} entry.
 *
 * @param exposeToSpaces network spaces allowed to connect
 * @param exposeToCidrs CIDRs allowed to connect
 */
public record ExposedEndpoint(List<String> exposeToSpaces, List<String> exposeToCidrs) {

  /** Copies the lists. */
  public ExposedEndpoint {
    exposeToSpaces = List.copyOf(exposeToSpaces);
    exposeToCidrs = List.copyOf(exposeToCidrs);
  }
}
