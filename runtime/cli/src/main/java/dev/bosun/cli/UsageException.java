package dev.bosun.cli;

import dev.bosun.model.BosunException;

/**
 * Thrown by a command when its arguments cannot be used: a file that does not exist, an option this
 * build does not support. Exits with {@link ExitCodes#BAD_INPUT}.
 */
public class UsageException extends BosunException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says what is wrong and what to do. */
  public UsageException(String message) {
    super(message);
  }
}
