package dev.bosun.charm.relation;

import dev.bosun.model.BosunException;

/** Thrown when a databag value does not parse as the record component it maps to. */
public class WireFormatException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /** Creates the exception for a key. */
  public WireFormatException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** Returns the databag key whose value did not parse. */
  public String key() {
    return key;
  }
}
