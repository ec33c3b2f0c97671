package dev.bosun.charms.etcd;

import dev.bosun.model.BosunException;

/** A call to etcd failed or timed out; the message names the call and the endpoints. */
public final class EtcdException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  /** Creates the exception for an operation ({@code member list}, {@code member add}, ...). */
  public EtcdException(String operation, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /** Returns the operation that failed, such as {@code member add}. */
  public String operation() {
    return operation;
  }
}
