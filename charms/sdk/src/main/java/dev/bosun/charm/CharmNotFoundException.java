package dev.bosun.charm;

import dev.bosun.model.BosunException;
import java.util.List;

/** Thrown by {@link CharmCatalog#get} when the catalog has no charm of the name asked for. */
public class CharmNotFoundException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> known;

  /** Creates the exception for a name, with the names the catalog knows. */
  public CharmNotFoundException(String name, List<String> known) {
    super(
        "charm \""
            + name
            + "\" not found; "
            + (known.isEmpty()
                ? "no charms are known: add charm directories, or put charm jars on the classpath"
                : "known charms: " + String.join(", ", known)));
    this.name = name;
    this.known = List.copyOf(known);
  }

  /** Returns the name asked for. */
  public String name() {
    return name;
  }

  /** Returns the names the catalog knows, sorted. */
  public List<String> known() {
    return known;
  }
}
