package dev.bosun.charms.etcd;

import dev.bosun.model.BosunException;
import java.util.List;

/** The charm's options are not valid; {@link #problems()} lists every problem. */
public final class InvalidSettingsException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the exception with the problems, each a sentence that names the option. */
  public InvalidSettingsException(List<String> problems) {
    super("Invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem, each naming the option and what is wrong with it. */
  public List<String> problems() {
    return problems;
  }
}
