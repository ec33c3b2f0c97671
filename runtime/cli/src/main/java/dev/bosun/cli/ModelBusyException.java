package dev.bosun.cli;

import dev.bosun.model.BosunException;

/**
 * Thrown when another process holds the model's controller lease and this command cannot wait for
 * it, or waited too long. Exits with {@link ExitCodes#FAILURE}.
 */
public final class ModelBusyException extends BosunException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the holder and what to do. */
  public ModelBusyException(String message) {
    super(message);
  }
}
