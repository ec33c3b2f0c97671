package dev.bosun.runtime.internal.persist;

/**
 * The store's key layout. Every key of a model starts with {@code m/}; unit names contain a slash,
 * so keys that continue after a unit name end it with one.
 *
 * <pre>
 * m/meta                          model document: schema version, sequences, bundle machines
 * m/app/APP                       application
 * m/appstatus/APP                 application status set by the leader
 * m/leader/APP                    leadership, attached to the leader's lease
 * m/machine/ID                    machine
 * m/unit/APP/N                    unit
 * m/agent/APP/N                   the unit agent's operation state (Juju's uniter state) and the
 *                                 unit's workload and agent status and ports
 * m/state/APP/N                   the charm's persistent unit state (state-set)
 * m/rel/ID                        relation
 * m/bag/ID/APP/N                  a unit's databag in a relation, with its version and scope
 * m/appbag/ID/APP                 an application's databag in a relation
 * m/local/APP/N/ID                the unit's local state of a relation
 * m/member/APP/N/ID/APP/N         the settings version of a remote unit the unit has joined
 * m/action/ID                     an action
 * m/log/APP/N/CHUNK               the unit's hook log, {@link Journal} chunks of entries
 * m/history/APP/N/CHUNK           the unit's status history, {@link Journal} chunks of entries
 * m/secret/APP                    the application's secrets (label to content), written by its
 *                                 leader with a hook; never part of relation data, status or logs
 * </pre>
 */
public final class Keys {
  /** The prefix of every key of the model. */
  public static final String MODEL = "m/";

  /** The model document. */
  public static final String META = "m/meta";

  /** The prefix of leadership keys. */
  public static final String LEADER_PREFIX = "m/leader/";

  private Keys() {}

  public static String application(String app) {
    return "m/app/" + app;
  }

  public static String applicationStatus(String app) {
    return "m/appstatus/" + app;
  }

  public static String leader(String app) {
    return LEADER_PREFIX + app;
  }

  public static String machine(String id) {
    return "m/machine/" + id;
  }

  public static String unit(String unit) {
    return "m/unit/" + unit;
  }

  public static String agent(String unit) {
    return "m/agent/" + unit;
  }

  public static String unitState(String unit) {
    return "m/state/" + unit;
  }

  public static String relation(int id) {
    return "m/rel/" + id;
  }

  public static String bag(int relation, String unit) {
    return "m/bag/" + relation + "/" + unit;
  }

  public static String applicationBag(int relation, String app) {
    return "m/appbag/" + relation + "/" + app;
  }

  public static String local(String unit, int relation) {
    return "m/local/" + unit + "/" + relation;
  }

  public static String member(String unit, int relation, String remote) {
    return "m/member/" + unit + "/" + relation + "/" + remote;
  }

  public static String memberPrefix(String unit, int relation) {
    return "m/member/" + unit + "/" + relation + "/";
  }

  public static String secrets(String app) {
    return "m/secret/" + app;
  }

  public static String action(long id) {
    return "m/action/" + id;
  }

  public static String logPrefix(String unit) {
    return "m/log/" + unit + "/";
  }

  public static String historyPrefix(String unit) {
    return "m/history/" + unit + "/";
  }

  /** Returns a number as fixed-width base 36, so keys sort in number order. */
  static String sequence(long seq) {
    String digits = Long.toString(seq, 36);
    return "0000000000".substring(Math.min(10, digits.length())) + digits;
  }

  /** Returns the part of a key after a prefix. */
  public static String after(String key, String prefix) {
    return key.substring(prefix.length());
  }
}
