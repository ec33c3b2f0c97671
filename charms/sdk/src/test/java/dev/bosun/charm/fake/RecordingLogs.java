package dev.bosun.charm.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the SDK's tests: keeps every record in memory, with the MDC as it was when
 * the record was made, so tests can check what charms log.
 */
public final class RecordingLogs implements SLF4JServiceProvider {
  private static final List<Entry> ENTRIES = Collections.synchronizedList(new ArrayList<>());

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private final ILoggerFactory loggers = RecordingLogger::new;

  /**
   * One log record.
   *
   * @param logger the logger's name
   * @param level the level
   * @param message the formatted message
   * @param mdc the MDC when it was logged
   */
  public record Entry(String logger, Level level, String message, Map<String, String> mdc) {}

  /** Returns the records so far. */
  public static List<Entry> entries() {
    synchronized (ENTRIES) {
      return List.copyOf(ENTRIES);
    }
  }

  /** Forgets the records so far. */
  public static void clear() {
    ENTRIES.clear();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** A logger that records everything at every level. */
  public static final class RecordingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;

    /** Creates a logger of the given name. */
    public RecordingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
      String text = MessageFormatter.basicArrayFormat(message, arguments);
      Map<String, String> context = MDC.getCopyOfContextMap();
      ENTRIES.add(new Entry(name, level, text, context == null ? Map.of() : Map.copyOf(context)));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }
}
