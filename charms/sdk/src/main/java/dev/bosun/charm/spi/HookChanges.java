package dev.bosun.charm.spi;

import dev.bosun.charm.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a hook wrote, to be committed atomically when it returns. Map values of {@code null}
 * mean "delete this key".
 *
 * <p>Changes are computed against what the backend showed when the hook started, so they hold only
 * real changes: writing a value that is already committed, deleting a key that is absent, setting
 * the committed unit status, opening an open port or closing a closed one is no change. A relation
 * appears in {@link #relations} only when one of its bags changed. A hook that changed nothing
 * yields {@link #isEmpty()}.
 *
 * @param relations the databag changes, by relation id
 * @param unitState changes to the unit's persistent state
 * @param unitStatus the new unit status, or null when unchanged
 * @param applicationStatus the application status the leader set, or null (reported whenever set:
 *     the backend does not show the committed one)
 * @param portsOpened ports opened, as {@code 2379/tcp}
 * @param portsClosed ports closed
 * @param actionResults results the action set (dotted keys, such as {@code snapshot.path}; a later
 *     key replaces a conflicting earlier one, as Juju nests them), empty outside actions
 * @param actionLog the action's log messages, in order
 * @param actionFailure the action's failure message, or null when it did not fail; for an action
 *     that threw without calling {@code fail}, the exception's message
 * @param applicationSecrets the application secrets the leader set, by label, each with its whole
 *     new content (a set replaces the content); empty when none. Redacted by {@link #toString()}.
 */
public record HookChanges(
    Map<Integer, RelationChanges> relations,
    Map<String, String> unitState,
    Status unitStatus,
    Status applicationStatus,
    Set<String> portsOpened,
    Set<String> portsClosed,
    Map<String, String> actionResults,
    List<String> actionLog,
    String actionFailure,
    Map<String, Map<String, String>> applicationSecrets) {

  /** Checks the secrets component (null means none). */
  public HookChanges {
    applicationSecrets = applicationSecrets == null ? Map.of() : applicationSecrets;
  }

  /**
   * The changes of a hook that set no application secret: the constructor of the record before
   * secrets existed, kept for runtimes written against it.
   */
  public HookChanges(
      Map<Integer, RelationChanges> relations,
      Map<String, String> unitState,
      Status unitStatus,
      Status applicationStatus,
      Set<String> portsOpened,
      Set<String> portsClosed,
      Map<String, String> actionResults,
      List<String> actionLog,
      String actionFailure) {
    this(
        relations,
        unitState,
        unitStatus,
        applicationStatus,
        portsOpened,
        portsClosed,
        actionResults,
        actionLog,
        actionFailure,
        Map.of());
  }

  /** Whether the hook changed nothing that must be committed. */
  public boolean isEmpty() {
    return relations.isEmpty()
        && unitState.isEmpty()
        && unitStatus == null
        && applicationStatus == null
        && portsOpened.isEmpty()
        && portsClosed.isEmpty()
        && actionResults.isEmpty()
        && actionLog.isEmpty()
        && actionFailure == null
        && applicationSecrets.isEmpty();
  }

  /** Describes the changes; secrets show as their labels and key counts, never their values. */
  @Override
  public String toString() {
    StringBuilder secrets = new StringBuilder("{");
    new java.util.TreeMap<>(applicationSecrets)
        .forEach(
            (label, content) -> {
              if (secrets.length() > 1) {
                secrets.append(", ");
              }
              secrets
                  .append(label)
                  .append("=<redacted: ")
                  .append(content == null ? 0 : content.size())
                  .append(" keys>");
            });
    secrets.append('}');
    return "HookChanges[relations="
        + relations
        + ", unitState="
        + unitState
        + ", unitStatus="
        + unitStatus
        + ", applicationStatus="
        + applicationStatus
        + ", portsOpened="
        + portsOpened
        + ", portsClosed="
        + portsClosed
        + ", actionResults="
        + actionResults
        + ", actionLog="
        + actionLog
        + ", actionFailure="
        + actionFailure
        + ", applicationSecrets="
        + secrets
        + "]";
  }
}
