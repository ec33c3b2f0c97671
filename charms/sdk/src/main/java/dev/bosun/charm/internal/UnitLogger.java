package dev.bosun.charm.internal;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * A charm's logger when the SLF4J binding keeps no MDC (slf4j-simple, for one): it puts the unit
 * and the hook in front of every message ({@code etcd/0 config-changed: message}), so the records
 * still say who logged them. With a binding that has an MDC, charms get the plain logger and the
 * MDC keys {@code unit} and {@code hook} instead.
 */
final class UnitLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient Logger delegate;
  private final String prefix;

  UnitLogger(Logger delegate, String unit, String hook) {
    this.delegate = delegate;
    this.name = delegate.getName();
    this.prefix = unit + " " + hook + ": ";
  }

  /** Returns the logger a charm gets: the plain one when the MDC works, else a prefixing one. */
  static Logger forHook(Logger delegate, String unit, String hook) {
    return MDC.getMDCAdapter() instanceof NOPMDCAdapter || MDC.getMDCAdapter() == null
        ? new UnitLogger(delegate, unit, hook)
        : delegate;
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return delegate.isTraceEnabled(marker);
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return delegate.isDebugEnabled(marker);
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate.isInfoEnabled();
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return delegate.isInfoEnabled(marker);
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate.isWarnEnabled();
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return delegate.isWarnEnabled(marker);
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate.isErrorEnabled();
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return delegate.isErrorEnabled(marker);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return UnitLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
    String text = prefix + message;
    Object[] args = arguments == null ? new Object[0] : arguments;
    if (throwable != null) {
      args = Arrays.copyOf(args, args.length + 1);
      args[args.length - 1] = throwable;
    }
    switch (level) {
      case TRACE -> delegate.trace(marker, text, args);
      case DEBUG -> delegate.debug(marker, text, args);
      case INFO -> delegate.info(marker, text, args);
      case WARN -> delegate.warn(marker, text, args);
      case ERROR -> delegate.error(marker, text, args);
    }
  }
}
