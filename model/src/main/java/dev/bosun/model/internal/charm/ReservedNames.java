package dev.bosun.model.internal.charm;

/** Juju's {@code reservedName}: names a charm may not give its relations or actions. */
final class ReservedNames {
  private ReservedNames() {}

  /**
   * Returns why a name is reserved for the given charm, in Juju's words, or null when it is not:
   * {@code "juju" is a reserved name} or {@code the "juju-" prefix is reserved}. Nothing is
   * reserved for a charm whose own name starts with {@code juju-}.
   */
  static String reason(String charmName, String name) {
    if (charmName.startsWith("juju-")) {
      return null;
    }
    if (name.equals("juju")) {
      return "\"juju\" is a reserved name";
    }
    if (name.startsWith("juju-")) {
      return "the \"juju-\" prefix is reserved";
    }
    return null;
  }
}
