package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.ActionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The running action: parameters, and the results, log and failure it reports, as Juju's {@code
 * action-set}, {@code action-log} and {@code action-fail}.
 *
 * <p>Results are kept flat, by dotted key. Juju nests them ({@code foo.bar=1} is {@code {foo: {bar:
 * "1"}}}) and a later value overwrites a conflicting earlier one, so setting {@code foo} removes
 * {@code foo.bar} and setting {@code foo.bar} removes a value at {@code foo}.
 */
final class BufferedAction implements ActionContext {
  /** Juju's action key rule, applied to each dot-separated part of a key. */
  private static final Pattern KEY_PART = Pattern.compile("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$");

  /** The keys Juju reserves for its own output. */
  private static final Set<String> RESERVED =
      Set.of("stdout", "stdout-encoding", "stderr", "stderr-encoding");

  private final HookScope scope;
  private final String name;
  private final Map<String, Object> parameters;
  private final Map<String, String> results = new LinkedHashMap<>();
  private final List<String> log = new ArrayList<>();
  private String failure;

  BufferedAction(HookScope scope, String name, Map<String, Object> parameters) {
    this.scope = scope;
    this.name = name;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, Object> parameters() {
    return parameters;
  }

  @Override
  public void set(String key, String value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    scope.ensureOpen();
    checkKey(key);
    String prefix = key + ".";
    Iterator<String> existing = results.keySet().iterator();
    while (existing.hasNext()) {
      String other = existing.next();
      if (other.startsWith(prefix) || key.startsWith(other + ".")) {
        existing.remove();
      }
    }
    results.put(key, value);
  }

  @Override
  public void log(String message) {
    requireNonNull(message, "message");
    scope.ensureOpen();
    log.add(message);
  }

  @Override
  public void fail(String message) {
    scope.ensureOpen();
    failure =
        message == null || message.isEmpty()
            ? "action failed without reason given, check action for errors"
            : message;
  }

  Map<String, String> results() {
    return results.isEmpty() ? Map.of() : Collections.unmodifiableMap(results);
  }

  List<String> logMessages() {
    return log.isEmpty() ? List.of() : Collections.unmodifiableList(log);
  }

  String failure() {
    return failure;
  }

  /**
   * Checks a key as Juju's {@code action-set} does.
   *
   * @throws IllegalArgumentException {@code key "Foo" must start and end with lowercase
   *     alphanumeric, and contain only lowercase alphanumeric and hyphens}, or {@code cannot set
   *     reserved action key "stdout"}
   */
  static void checkKey(String key) {
    for (String part : key.split("\\.", -1)) {
      if (!KEY_PART.matcher(part).matches()) {
        throw new IllegalArgumentException(
            "key \""
                + part
                + "\" must start and end with lowercase alphanumeric, and contain only lowercase"
                + " alphanumeric and hyphens");
      }
      if (RESERVED.contains(part)) {
        throw new IllegalArgumentException("cannot set reserved action key \"" + part + "\"");
      }
    }
  }
}
