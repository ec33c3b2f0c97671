package dev.bosun.model.charm;

import dev.bosun.model.BosunException;

/** Thrown when a configuration value names an unknown option or has the wrong type. */
public class ConfigException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String option;

  /** Creates the exception for the named option. */
  public ConfigException(String option, String message) {
    super(message);
    this.option = option;
  }

  /** Returns the name of the option at fault. */
  public String option() {
    return option;
  }
}
