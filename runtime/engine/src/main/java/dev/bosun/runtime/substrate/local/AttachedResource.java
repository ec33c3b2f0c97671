package dev.bosun.runtime.substrate.local;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A resource file attached to an application, as the {@link ResourceStore} holds it.
 *
 * @param application the application, for example {@code etcd}
 * @param name the resource name from the charm's metadata, for example {@code etcd-binary}
 * @param path where the stored copy is; it stays there until the resource is attached again or
 *     detached
 * @param fileName the name of the file that was attached
 * @param size its size in bytes
 * @param fingerprint the SHA-384 of its content, in lowercase hexadecimal (Juju fingerprints
 *     resources with SHA-384)
 */
public record AttachedResource(
    String application, String name, Path path, String fileName, long size, String fingerprint) {

  /** Checks the components. */
  public AttachedResource {
    requireNonNull(application, "application");
    requireNonNull(name, "name");
    requireNonNull(path, "path");
    requireNonNull(fileName, "fileName");
    requireNonNull(fingerprint, "fingerprint");
  }
}
