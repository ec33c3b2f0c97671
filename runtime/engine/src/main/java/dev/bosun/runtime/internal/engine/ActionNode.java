package dev.bosun.runtime.internal.engine;

import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.internal.persist.Documents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An action as the runtime holds it. Guarded by the engine's lock. */
final class ActionNode {
  final long id;
  final String unit;
  final String name;
  final Map<String, Object> parameters;
  ActionStatus status = ActionStatus.PENDING;
  Map<String, String> results = new LinkedHashMap<>();
  List<String> log = new ArrayList<>();
  String message = "";
  final long enqueued;
  Long started;
  Long completed;

  ActionNode(long id, String unit, String name, Map<String, Object> parameters, long enqueued) {
    this.id = id;
    this.unit = unit;
    this.name = name;
    this.parameters = parameters;
    this.enqueued = enqueued;
  }

  Documents.Action document() {
    return new Documents.Action(
        unit,
        name,
        parameters,
        status.toString(),
        results,
        log,
        message,
        enqueued,
        started,
        completed);
  }

  static ActionNode of(long id, Documents.Action document) {
    ActionNode node =
        new ActionNode(
            id, document.unit(), document.name(), document.params(), document.enqueued());
    node.status = ActionStatus.of(document.status());
    node.results = new LinkedHashMap<>(document.results() == null ? Map.of() : document.results());
    node.log = new ArrayList<>(document.log() == null ? List.of() : document.log());
    node.message = document.message() == null ? "" : document.message();
    node.started = document.started();
    node.completed = document.completed();
    return node;
  }

  ActionResult result() {
    return new ActionResult(
        id,
        unit,
        name,
        parameters,
        status,
        results,
        log,
        message,
        Instant.ofEpochMilli(enqueued),
        started == null ? null : Instant.ofEpochMilli(started),
        completed == null ? null : Instant.ofEpochMilli(completed));
  }
}
