package dev.bosun.charm.relation;

import dev.bosun.model.BosunException;

/** Thrown when a databag value does not parse as the record component it maps to. */
public class WireFormatException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /** Creates the exception for a key (null when the record as a whole was rejected). */
  public WireFormatException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /**
   * Returns the databag key whose value did not parse, or null when the values parsed but the
   * record's constructor rejected them.
   */
  public String key() {
    return key;
  }
}
