package dev.bosun.model.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One side of a relation as a user writes it: {@code app:endpoint}, or just {@code app} to let
 * Bosun infer the endpoint from charm metadata.
 *
 * @param application the application name
 * @param endpoint the endpoint name, or null when it is to be inferred
 */
public record EndpointRef(String application, String endpoint) implements Comparable<EndpointRef> {

  /** Checks the components. */
  public EndpointRef {
    requireNonNull(application, "application");
  }

  /**
   * Parses {@code app} or {@code app:endpoint}. The result may still be invalid (for example a bad
   * application name); {@link dev.bosun.model.validation.ModelValidator} reports that.
   */
  public static EndpointRef parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new EndpointRef(text, null);
    }
    return new EndpointRef(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Returns the endpoint name, when given. */
  public Optional<String> endpointName() {
    return Optional.ofNullable(endpoint);
  }

  /** Orders by the text form, as Juju sorts relation endpoints. */
  @Override
  public int compareTo(EndpointRef other) {
    return toString().compareTo(other.toString());
  }

  /** Returns {@code app:endpoint}, or {@code app} when no endpoint is given. */
  @Override
  public String toString() {
    return endpoint == null ? application : application + ":" + endpoint;
  }
}
