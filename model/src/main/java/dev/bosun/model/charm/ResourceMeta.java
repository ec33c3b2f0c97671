package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

/**
 * A resource a charm declares in {@code metadata.yaml}: a file or OCI image the operator supplies.
 *
 * @param name the resource name
 * @param type {@code file} (the default) or {@code oci-image}
 * @param filename the file name the charm expects, or null
 * @param description what the resource is, or an empty string
 */
public record ResourceMeta(String name, String type, String filename, String description) {

  /** Checks the components. */
  public ResourceMeta {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
  }
}
