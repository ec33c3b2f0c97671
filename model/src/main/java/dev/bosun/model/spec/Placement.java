package dev.bosun.model.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to put a unit: one entry of an application's {@code to:} list, in Juju's grammar.
 *
 * <table>
 *   <caption>Placement directives</caption>
 *   <tr><th>directive</th><th>meaning</th></tr>
 *   <tr><td>{@code new}</td><td>a new machine (the default)</td></tr>
 *   <tr><td>{@code 3}</td><td>bundle machine 3</td></tr>
 *   <tr><td>{@code lxd:3}</td><td>a new container on bundle machine 3</td></tr>
 *   <tr><td>{@code lxd} or {@code lxd:new}</td><td>a new container on a new machine</td></tr>
 *   <tr><td>{@code wordpress/0}</td><td>the machine of unit 0 of {@code wordpress}</td></tr>
 *   <tr><td>{@code wordpress}</td><td>the machine of the next unit of {@code wordpress}</td></tr>
 *   <tr><td>{@code lxd:wordpress/0}</td><td>a new container on the machine of {@code
 *       wordpress/0}</td></tr>
 * </table>
 *
 * <p>{@link #toString()} gives the canonical directive, which parses back to an equal value.
 *
 * @param containerType the container type ({@code lxd}, {@code kvm}), or null for the machine
 *     itself
 * @param machine a bundle machine id or {@code new}, or null when the directive names an
 *     application
 * @param application the application whose unit's machine to use, or null
 * @param unit the unit number of {@code application}, or -1 for "the next unit"
 */
public record Placement(String containerType, String machine, String application, int unit) {

  /** A new machine. */
  public static final Placement NEW_MACHINE = new Placement(null, "new", null, -1);

  private static final Pattern GRAMMAR =
      Pattern.compile(
          "^(?:("
              + Names.CONTAINER_TYPE_SNIPPET
              + "):)?(?:("
              + Names.APPLICATION_SNIPPET
              + ")(?:/("
              + Names.NUMBER_SNIPPET
              + "))?|("
              + Names.NUMBER_SNIPPET
              + "))$");

  /**
   * Parses a placement directive.
   *
   * @throws PlacementException {@code invalid placement syntax "x"} when the text is not a
   *     directive
   */
  public static Placement parse(String directive) {
    Matcher m = GRAMMAR.matcher(directive);
    if (!m.matches()) {
      // A bare container type ("lxd") is an application-shaped word; Juju parses it as the
      // application "lxd". The bundle layer turns a known container type into "lxd:new".
      throw new PlacementException(directive);
    }
    String container = m.group(1);
    String application = m.group(2);
    String machine = m.group(4);
    int unit = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
    if ("new".equals(application)) {
      if (unit != -1) {
        throw new PlacementException(directive);
      }
      return new Placement(container, "new", null, -1);
    }
    return new Placement(container, machine, application, unit);
  }

  /** Whether this directive asks for a new machine ({@code new}, {@code lxd:new}). */
  public boolean isNewMachine() {
    return "new".equals(machine);
  }

  /** Whether this directive names a bundle machine by number. */
  public boolean isMachineNumber() {
    return machine != null && !isNewMachine();
  }

  /** Whether this directive names an application (with or without a unit number). */
  public boolean isApplication() {
    return application != null;
  }

  /** Returns the canonical directive, for example {@code lxd:wordpress/0}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (containerType != null) {
      text.append(containerType).append(':');
    }
    if (application != null) {
      text.append(application);
      if (unit >= 0) {
        text.append('/').append(unit);
      }
    } else {
      text.append(machine);
    }
    return text.toString();
  }
}
