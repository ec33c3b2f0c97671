package dev.bosun.runtime.store;

import dev.bosun.model.BosunException;

/** Thrown when a store fails: it is closed, unreachable or corrupt. */
public class StoreException extends BosunException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StoreException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
