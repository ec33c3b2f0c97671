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
    String actionFailure) {

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
        && actionFailure == null;
  }
}
