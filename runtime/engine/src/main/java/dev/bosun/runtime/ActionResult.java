package dev.bosun.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's state and outcome at one moment ({@code juju show-operation}).
 *
 * @param id the action id, unique in the model
 * @param unit the unit it runs on
 * @param name the action name
 * @param parameters the validated parameters with defaults inserted
 * @param status its status
 * @param results the results it set (dotted keys)
 * @param log its log messages
 * @param message the failure message of a failed action, else empty
 * @param enqueued when it was queued
 * @param started when it started, or null
 * @param completed when it finished, or null
 */
public record ActionResult(
    long id,
    String unit,
    String name,
    Map<String, Object> parameters,
    ActionStatus status,
    Map<String, String> results,
    List<String> log,
    String message,
    Instant enqueued,
    Instant started,
    Instant completed) {

  /** Copies the collections. */
  public ActionResult {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    log = List.copyOf(log);
  }
}
