package dev.bosun.runtime.substrate;

import dev.bosun.model.BosunException;

/** Thrown when a substrate cannot provision or reach a machine. */
public class SubstrateException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String machineId;

  /** Creates the exception. */
  public SubstrateException(String machineId, String message) {
    super(message);
    this.machineId = machineId;
  }

  /** Creates the exception with its cause. */
  public SubstrateException(String machineId, String message, Throwable cause) {
    super(message, cause);
    this.machineId = machineId;
  }

  /** Returns the machine concerned. */
  public String machineId() {
    return machineId;
  }
}
