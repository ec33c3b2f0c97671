package dev.bosun.model.charm;

/**
 * Juju's charm references: {@code etcd}, {@code ch:etcd}, {@code ch:amd64/jammy/etcd-42}, {@code
 * cs:~containers/etcd-449}, {@code ./charms/etcd}, {@code /abs/path}.
 */
public final class CharmReferences {
  private CharmReferences() {}

  /** Whether the reference is a local path: it starts with {@code .} or {@code /}. */
  public static boolean isLocalPath(String reference) {
    return reference.startsWith(".") || reference.startsWith("/");
  }

  /**
   * Returns the charm name a store reference names: schema, user, architecture, series and revision
   * are stripped ({@code cs:~containers/xenial/etcd-449} names {@code etcd}). For a local path,
   * returns the last path element.
   */
  public static String charmName(String reference) {
    String name = reference;
    int colon = name.indexOf(':');
    if (colon >= 0 && !isLocalPath(reference)) {
      name = name.substring(colon + 1);
    }
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    int slash = name.lastIndexOf('/');
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    if (!isLocalPath(reference)) {
      int dash = name.lastIndexOf('-');
      if (dash > 0
          && dash < name.length() - 1
          && name.substring(dash + 1).chars().allMatch(Character::isDigit)) {
        name = name.substring(0, dash);
      }
    }
    return name;
  }

  /**
   * Returns the revision embedded in a store reference ({@code cs:etcd-449} gives 449), or -1 when
   * there is none.
   */
  public static int revision(String reference) {
    if (isLocalPath(reference)) {
      return -1;
    }
    String last = reference.substring(reference.lastIndexOf('/') + 1);
    int dash = last.lastIndexOf('-');
    if (dash > 0
        && dash < last.length() - 1
        && last.substring(dash + 1).chars().allMatch(Character::isDigit)) {
      try {
        return Integer.parseInt(last.substring(dash + 1));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
