package dev.bosun.testing;

import dev.bosun.runtime.HookRecord;
import java.util.ArrayList;
import java.util.List;

/** How the kit writes hook log entries. */
final class HookTraces {
  private HookTraces() {}

  /** Returns the hook's name, or the action's. */
  static List<String> names(List<HookRecord> records) {
    List<String> names = new ArrayList<>(records.size());
    for (HookRecord record : records) {
      names.add(record.hook());
    }
    return names;
  }

  /**
   * Returns the entries as {@code hook [remote-unit] [OUTCOME]}: {@code db-relation-joined
   * server/0}, {@code install FAILED}.
   */
  static List<String> traces(List<HookRecord> records) {
    List<String> traces = new ArrayList<>(records.size());
    for (HookRecord record : records) {
      traces.add(trace(record));
    }
    return traces;
  }

  static String trace(HookRecord record) {
    String text = record.hook();
    if (record.remoteUnit() != null) {
      text += " " + record.remoteUnit();
    }
    if (record.outcome() != HookRecord.Outcome.SUCCEEDED) {
      text += " " + record.outcome();
    }
    return text;
  }
}
