package dev.bosun.model.internal.bundle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The shape a bundle key's value must have, and the keys each kind of entity accepts. */
enum Kind {
  /** Any scalar, read as its text (as Go's yaml.v2 fills a string field). */
  STRING,
  /** An integer. */
  INT,
  /** A boolean. */
  BOOL,
  /** A sequence of scalars, read as their text. */
  STRING_LIST,
  /** A mapping of scalars, read as their text. */
  TEXT_MAP,
  /** A mapping of typed scalars: configuration options. */
  OPTION_MAP,
  /** A mapping of integers (revisions) or strings (paths): resources. */
  RESOURCE_MAP,
  /** A mapping of endpoint to expose rule (overlay-only). */
  EXPOSE_MAP,
  /** A mapping of offer name to offer (overlay-only). */
  OFFER_MAP;

  /** Whether values of this kind are mappings merged key by key by overlays. */
  boolean isMap() {
    return ordinal() >= TEXT_MAP.ordinal();
  }

  /** The keys of an application, in Juju's order, with their kinds. */
  static final Map<String, Kind> APPLICATION_FIELDS =
      ordered(
          "charm", STRING,
          "channel", STRING,
          "revision", INT,
          "series", STRING,
          "base", STRING,
          "resources", RESOURCE_MAP,
          "num_units", INT,
          "scale", INT,
          "to", STRING_LIST,
          "placement", STRING,
          "expose", BOOL,
          "exposed-endpoints", EXPOSE_MAP,
          "options", OPTION_MAP,
          "annotations", TEXT_MAP,
          "constraints", STRING,
          "storage", TEXT_MAP,
          "devices", TEXT_MAP,
          "bindings", TEXT_MAP,
          "offers", OFFER_MAP,
          "plan", STRING,
          "trust", BOOL);

  /** The keys of a machine. */
  static final Map<String, Kind> MACHINE_FIELDS =
      ordered("constraints", STRING, "annotations", TEXT_MAP, "series", STRING, "base", STRING);

  /** The keys of a consumed offer. */
  static final Map<String, Kind> SAAS_FIELDS = ordered("url", STRING);

  /** The keys of an exposed-endpoints entry. */
  static final Map<String, Kind> EXPOSE_FIELDS =
      ordered("expose-to-spaces", STRING_LIST, "expose-to-cidrs", STRING_LIST);

  /** The keys of an offer. */
  static final Map<String, Kind> OFFER_FIELDS = ordered("endpoints", STRING_LIST, "acl", TEXT_MAP);

  /** The application keys that may only appear in an overlay. */
  static final Set<String> OVERLAY_ONLY = Set.of("exposed-endpoints", "offers");

  private static Map<String, Kind> ordered(Object... keysAndKinds) {
    Map<String, Kind> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndKinds.length; i += 2) {
      map.put((String) keysAndKinds[i], (Kind) keysAndKinds[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
