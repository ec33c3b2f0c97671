package dev.bosun.charm;

import dev.bosun.model.BosunException;

/** Thrown by {@link HookContext#relation(String)} when an endpoint has several relations. */
public class TooManyRelationsException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final int count;

  /** Creates the exception. */
  public TooManyRelationsException(String endpoint, int count) {
    super(
        "endpoint \""
            + endpoint
            + "\" has "
            + count
            + " relations; use relations(\""
            + endpoint
            + "\") to handle each");
    this.endpoint = endpoint;
    this.count = count;
  }

  /** Returns the endpoint. */
  public String endpoint() {
    return endpoint;
  }

  /** Returns how many relations it has. */
  public int count() {
    return count;
  }
}
