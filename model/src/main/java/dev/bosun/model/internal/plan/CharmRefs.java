package dev.bosun.model.internal.plan;

import dev.bosun.model.charm.CharmReferences;

/**
 * How Juju's change descriptions name a charm. Juju parses the reference as a charm URL: a store
 * URL ({@code ch:}, {@code cs:}) or a {@code local:} URL gives the charm name and its location
 * ({@code from charm-hub}, {@code from charm-store}, {@code from local}); anything else (a local
 * charm path, and in Bosun a built-in charm's bare name) is printed as written, with no location.
 */
public final class CharmRefs {
  private CharmRefs() {}

  /** Whether the reference is a charm URL Juju's descriptions parse. */
  public static boolean isUrl(String reference) {
    return reference.startsWith("ch:")
        || reference.startsWith("cs:")
        || reference.startsWith("local:");
  }

  /** Whether the reference names a charm in a store, which has channels. */
  public static boolean isStore(String reference) {
    return reference.startsWith("ch:") || reference.startsWith("cs:");
  }

  /** Returns the name descriptions print for the charm. */
  public static String displayName(String reference) {
    return isUrl(reference) ? CharmReferences.charmName(reference) : reference;
  }

  /** Returns {@code charm-hub}, {@code charm-store}, {@code local} or the empty string. */
  public static String location(String reference) {
    if (reference.startsWith("ch:")) {
      return "charm-hub";
    }
    if (reference.startsWith("cs:")) {
      return "charm-store";
    }
    if (reference.startsWith("local:")) {
      return "local";
    }
    return "";
  }
}
