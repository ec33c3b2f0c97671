package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks Juju's guarantees on every unit's hook log. */
final class Logs {
  private Logs() {}

  /**
   * Checks, for every unit: {@code relation-joined} for a remote unit is immediately followed by
   * {@code relation-changed} for that unit in the same relation; no hook of a relation follows its
   * {@code relation-broken}, and none precedes its {@code relation-created}; no peer relation is
   * broken; every departure comes before the break.
   */
  static void checkGuarantees(Runtime runtime, List<String> units, List<String> peerEndpoints) {
    Map<String, List<HookRecord>> byUnit = new HashMap<>();
    for (HookRecord record : runtime.hookLog()) {
      byUnit.computeIfAbsent(record.unit(), k -> new java.util.ArrayList<>()).add(record);
    }
    for (String unit : units) {
      List<HookRecord> log = byUnit.getOrDefault(unit, List.of());
      Map<Integer, Boolean> broken = new HashMap<>();
      Map<Integer, Boolean> created = new HashMap<>();
      for (int i = 0; i < log.size(); i++) {
        HookRecord record = log.get(i);
        if (record.relationId() < 0 || record.outcome() != HookRecord.Outcome.SUCCEEDED) {
          continue;
        }
        String hook = record.hook();
        assertThat(broken.getOrDefault(record.relationId(), false))
            .as("%s ran %s after the relation broke", unit, hook)
            .isFalse();
        if (hook.endsWith("-relation-created")) {
          created.put(record.relationId(), true);
        } else {
          assertThat(created.getOrDefault(record.relationId(), false))
              .as("%s ran %s before relation-created", unit, hook)
              .isTrue();
        }
        if (hook.endsWith("-relation-joined")) {
          assertThat(i + 1).as("%s: %s is the last hook", unit, hook).isLessThan(log.size());
          HookRecord next = log.get(i + 1);
          assertThat(next.hook())
              .as("%s: the hook after %s(%s)", unit, hook, record.remoteUnit())
              .isEqualTo(hook.replace("-joined", "-changed"));
          assertThat(next.remoteUnit()).isEqualTo(record.remoteUnit());
          assertThat(next.relationId()).isEqualTo(record.relationId());
        }
        if (hook.endsWith("-relation-broken")) {
          broken.put(record.relationId(), true);
          String endpoint = hook.substring(0, hook.length() - "-relation-broken".length());
          assertThat(peerEndpoints)
              .as("%s broke peer relation %s", unit, hook)
              .doesNotContain(endpoint);
        }
      }
    }
  }
}
