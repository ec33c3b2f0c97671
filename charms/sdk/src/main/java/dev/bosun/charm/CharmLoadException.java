package dev.bosun.charm;

import dev.bosun.model.BosunException;

/**
 * Thrown when a charm cannot be loaded: a file is missing or unreadable, {@code bosun.yaml} is
 * invalid, or the class it names cannot serve as the charm. The message names the charm (or its
 * location) and says what to do. Problems in {@code metadata.yaml}, {@code config.yaml} or {@code
 * actions.yaml} are reported as {@link dev.bosun.model.charm.CharmMetaException} instead, with
 * every problem's position.
 */
public class CharmLoadException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String charm;

  /** Creates the exception for a charm, named or located by {@code charm}. */
  public CharmLoadException(String charm, String message) {
    super(message);
    this.charm = charm;
  }

  /** Creates the exception with the failure that caused it. */
  public CharmLoadException(String charm, String message, Throwable cause) {
    super(message, cause);
    this.charm = charm;
  }

  /** Returns the charm's name, or where it is when its name is not known yet. */
  public String charm() {
    return charm;
  }
}
