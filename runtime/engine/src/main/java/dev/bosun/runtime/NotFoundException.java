package dev.bosun.runtime;

import dev.bosun.model.BosunException;
import dev.bosun.model.internal.GoFormat;

/**
 * Thrown when an operation names an entity the model does not have: {@code unit "etcd/7" not
 * found}.
 */
public class NotFoundException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String name;

  /**
   * Creates the exception.
   *
   * @param kind {@code application}, {@code unit}, {@code machine}, {@code relation}, {@code
   *     action}
   * @param name the name that was not found
   */
  public NotFoundException(String kind, String name) {
    super(kind + " " + GoFormat.quote(name) + " not found");
    this.kind = kind;
    this.name = name;
  }

  /** Returns the kind of entity. */
  public String kind() {
    return kind;
  }

  /** Returns the name that was not found. */
  public String name() {
    return name;
  }
}
