package dev.bosun.runtime.internal.persist;

import java.util.List;
import java.util.Map;

/**
 * The JSON documents the runtime keeps in its store (see {@link Keys} for where). The layout's
 * version is {@link #SCHEMA}, recorded in the model document; a runtime refuses a store written
 * with another schema. Field names are short because there is one of most documents per unit.
 */
public final class Documents {
  /** The version of this layout. */
  public static final int SCHEMA = 1;

  private Documents() {}

  /**
   * The model: schema version, name, sequences, bundle machines and the entries per journal chunk
   * (null in a model written before the size was recorded: {@link Journal#CHUNK_WHEN_UNRECORDED}).
   */
  public record Meta(
      int schema,
      String name,
      Map<String, Integer> sequences,
      Map<String, String> bundleMachines,
      Integer journalChunk) {}

  /** An application. */
  public record App(
      String charm,
      String charmName,
      Integer revision,
      String channel,
      String base,
      String series,
      Map<String, Object> options,
      String constraints,
      boolean exposed,
      Map<String, String> annotations,
      boolean trust,
      int charmVersion,
      boolean dying,
      long leaderSettingsVersion) {}

  /** A status value: state, message, since (epoch milliseconds). */
  public record StatusValue(String s, String m, long t) {}

  /** The application status the leader set. */
  public record AppStatus(StatusValue status) {}

  /** Leadership of an application, attached to the leader's lease. */
  public record Leader(String unit, long lease) {}

  /** A machine. */
  public record Machine(
      String containerType,
      String parent,
      String constraints,
      String address,
      String base,
      String series) {}

  /** A unit. */
  public record Unit(String machine, String principal, boolean dying) {}

  /**
   * A unit's statuses, ports, and the next sequence of its status history (in its agent document).
   */
  public record UnitStatus(
      StatusValue workload, StatusValue agent, List<String> ports, long history) {}

  /** What a hook is about. */
  public record Hook(
      String kind,
      Integer relation,
      String endpoint,
      String remoteUnit,
      String remoteApp,
      String departing) {}

  /**
   * The unit agent's state (Juju's uniter state): the operation and its step, the hook, the running
   * action, the lifecycle flags, what the agent last acted on, and the unit's status (kept here
   * because both change at every step, so a step writes one document).
   */
  public record Agent(
      String op,
      String step,
      Hook hook,
      Long action,
      boolean installed,
      boolean started,
      boolean stopped,
      boolean removed,
      boolean leader,
      boolean statusSet,
      String configHash,
      int charmVersion,
      long leaderSettingsVersion,
      long log,
      UnitStatus status) {}

  /** One endpoint of a relation. */
  public record Endpoint(
      String app,
      String name,
      String role,
      String iface,
      String scope,
      int limit,
      boolean optional) {}

  /** A relation. */
  public record Relation(List<Endpoint> endpoints, boolean dying) {}

  /**
   * A unit's databag in a relation.
   *
   * @param v the settings version, bumped by every change
   * @param in whether the unit is in the relation's scope now
   * @param joined whether the unit ever entered the scope
   * @param d the data
   */
  public record Bag(long v, boolean in, boolean joined, Map<String, String> d) {}

  /** An application's databag in a relation. */
  public record AppBag(long v, Map<String, String> d) {}

  /**
   * An application's secrets, label to content ({@code m/secret/APP}). {@link #toString()} shows
   * labels only.
   */
  public record Secrets(Map<String, Map<String, String>> s) {
    @Override
    public String toString() {
      return "Secrets" + (s == null ? "[]" : s.keySet().toString());
    }
  }

  /**
   * A unit's local state of a relation (the members it joined are separate keys).
   *
   * @param created whether relation-created ran
   * @param appVersion the remote application bag version the unit last saw
   * @param pending the unit whose relation-changed follows its relation-joined, or null
   */
  public record Local(boolean created, long appVersion, String pending) {}

  /** An action and its outcome. */
  public record Action(
      String unit,
      String name,
      Map<String, Object> params,
      String status,
      Map<String, String> results,
      List<String> log,
      String message,
      long enqueued,
      Long started,
      Long completed) {}

  /** One entry of a unit's hook log. */
  public record LogEntry(
      long seq,
      String hook,
      Integer relation,
      String remote,
      long start,
      long nanos,
      String outcome,
      String error,
      boolean action) {}

  /** One entry of a unit's status history. */
  public record HistoryEntry(String type, String s, String m, long t) {}
}
