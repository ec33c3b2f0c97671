package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.BosunException;

/**
 * Thrown by {@link CharmContext#run} when the charm's hook threw: in a model the unit would go into
 * error ({@code hook failed: "install"}) with nothing of the hook committed. The charm's exception
 * is the cause; {@link #state()} is the state the hook started from, unchanged.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> ctx.run(Events.configChanged(), state))
 *     .isInstanceOf(HookFailedException.class)
 *     .hasRootCauseMessage("port 99999 is out of range");
 * }</pre>
 */
public class HookFailedException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String unit;
  private final String hook;
  private final transient State state;

  /**
   * Creates the exception.
   *
   * @param unit the unit that ran the hook
   * @param hook the hook's name
   * @param state the state the hook started from
   * @param cause what the charm threw
   */
  public HookFailedException(String unit, String hook, State state, Throwable cause) {
    super(
        unit
            + ": hook failed: \""
            + hook
            + "\": "
            + (cause.getMessage() == null ? cause.toString() : cause.getMessage()),
        cause);
    this.unit = requireNonNull(unit, "unit");
    this.hook = requireNonNull(hook, "hook");
    this.state = requireNonNull(state, "state");
  }

  /** Returns the unit that ran the hook. */
  public String unit() {
    return unit;
  }

  /** Returns the hook's name, for example {@code db-relation-changed}. */
  public String hook() {
    return hook;
  }

  /** Returns the state the hook started from: a failed hook commits nothing. */
  public State state() {
    return state;
  }
}
