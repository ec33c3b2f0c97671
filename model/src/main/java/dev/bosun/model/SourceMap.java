package dev.bosun.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of a model came from: maps a path into the model to a {@link Location} in a
 * bundle file, so checks that run on the model can report {@code file:line:column}.
 *
 * <p>A path is a list of segments named as in bundle YAML, whatever the input spelled:
 *
 * <ul>
 *   <li>{@code applications/<app>} — the application's key; {@code applications/<app>/<key>} — one
 *       of its keys (for example {@code num_units}, {@code to}, {@code options}); {@code
 *       applications/<app>/options/<option>}, {@code .../to/<index>}, {@code .../annotations/<key>}
 *       and so on for entries below;
 *   <li>{@code machines/<id>} and {@code machines/<id>/<key>};
 *   <li>{@code relations/<index>} — one relation; {@code relations/<index>/<0|1>} — one side;
 *   <li>{@code saas/<name>}; top-level keys by name ({@code series}, {@code default-base}).
 * </ul>
 *
 * <p>{@link #at} returns the location of a map key or a list element; {@link #valueAt} the location
 * of the value under a key. Both fall back to the nearest recorded ancestor, so a check always gets
 * the most precise location known. A model built in Java has the {@link #EMPTY} map and its
 * problems carry no location.
 */
public final class SourceMap {
  /** A map that knows no location: for models built in Java. */
  public static final SourceMap EMPTY = new SourceMap(Map.of(), Map.of());

  private final Map<String, Location> keys;
  private final Map<String, Location> values;

  private SourceMap(Map<String, Location> keys, Map<String, Location> values) {
    this.keys = keys;
    this.values = values;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the location of the key or list element at the path, or of its nearest recorded
   * ancestor; null when none is recorded.
   */
  public Location at(String... path) {
    return lookup(keys, path);
  }

  /**
   * Returns the location of the value at the path, falling back to {@link #at} for the same path
   * and then to ancestors; null when none is recorded.
   */
  public Location valueAt(String... path) {
    Location exact = values.get(join(path, path.length));
    return exact != null ? exact : at(path);
  }

  /** Returns the exact location of the key at the path, without fallback. */
  public Optional<Location> exactly(String... path) {
    return Optional.ofNullable(keys.get(join(path, path.length)));
  }

  /** Whether this map records no location at all. */
  public boolean isEmpty() {
    return keys.isEmpty() && values.isEmpty();
  }

  private static Location lookup(Map<String, Location> map, String... path) {
    for (int length = path.length; length > 0; length--) {
      Location found = map.get(join(path, length));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String join(String[] path, int length) {
    return String.join("\u0000", Arrays.asList(path).subList(0, length));
  }

  /** Records locations; later records for the same path replace earlier ones. */
  public static final class Builder {
    private final Map<String, Location> keys = new HashMap<>();
    private final Map<String, Location> values = new HashMap<>();

    private Builder() {}

    /** Records the location of the key or list element at the path. */
    public Builder key(Location location, String... path) {
      if (location != null) {
        keys.put(join(path, path.length), location);
      }
      return this;
    }

    /** Records the location of the value at the path. */
    public Builder value(Location location, String... path) {
      if (location != null) {
        values.put(join(path, path.length), location);
      }
      return this;
    }

    /** Returns the map. */
    public SourceMap build() {
      return new SourceMap(Map.copyOf(keys), Map.copyOf(values));
    }
  }
}
