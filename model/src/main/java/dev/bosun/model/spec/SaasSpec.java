package dev.bosun.model.spec;

import static java.util.Objects.requireNonNull;

/**
 * A consumed offer ({@code saas:} in a bundle). Bosun reads it and reports that cross-model
 * relations are not supported yet.
 *
 * @param name the local name of the offer
 * @param url the offer URL, {@code [<controller>:][<owner>/]<model>.<app>}
 */
public record SaasSpec(String name, String url) {

  /** Checks the components. */
  public SaasSpec {
    requireNonNull(name, "name");
    requireNonNull(url, "url");
  }
}
