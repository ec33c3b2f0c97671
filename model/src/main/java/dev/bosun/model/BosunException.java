package dev.bosun.model;

/**
 * The root of every exception Bosun throws on purpose.
 *
 * <p>Bosun's public API throws only unchecked exceptions, and every one of them is a {@code
 * BosunException} or one of its narrow subclasses, which carry the fields their message is built
 * from. Catch {@code BosunException} to handle any Bosun failure; catch a subclass to handle one
 * kind. Messages say what is wrong, where, and what to do.
 */
public class BosunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what is wrong and what to do. */
  public BosunException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the failure that caused it. */
  public BosunException(String message, Throwable cause) {
    super(message, cause);
  }
}
