package dev.bosun.model.spec;

/**
 * Which revision or file to use for a charm resource: a store revision ({@code easyrsa: 5}) or a
 * local path ({@code etcd: ./etcd.tar.gz}). Exactly one component is set.
 *
 * @param revision the store revision, or null
 * @param path the local file path, or null
 */
public record ResourceRef(Integer revision, String path) {

  /** Checks that exactly one component is set. */
  public ResourceRef {
    if ((revision == null) == (path == null)) {
      throw new IllegalArgumentException("a resource is either a revision or a path, not both");
    }
  }

  /** Returns a reference to a store revision. */
  public static ResourceRef revision(int revision) {
    return new ResourceRef(revision, null);
  }

  /** Returns a reference to a local file. */
  public static ResourceRef path(String path) {
    return new ResourceRef(null, path);
  }

  /** Returns the revision or the path, as written in a bundle. */
  public Object value() {
    return revision != null ? revision : path;
  }

  @Override
  public String toString() {
    return String.valueOf(value());
  }
}
