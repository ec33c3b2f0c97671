package dev.bosun.cli;

import dev.bosun.runtime.ApplicationStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.UnitStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a model until it settles, showing a line per application: redrawn in place on a terminal,
 * printed when it changes otherwise.
 */
final class Progress {
  private static final Duration STEP = Duration.ofMillis(500);

  private Progress() {}

  /**
   * Waits for the model to settle, for at most {@code timeout}.
   *
   * @param out where progress goes, or null for none
   * @param live whether {@code out} is a terminal (lines are redrawn in place)
   * @return the last wait's result: settled, or stopped with units in error and nothing else to do,
   *     or the timeout passed
   */
  static SettleResult settle(Runtime runtime, Duration timeout, PrintWriter out, boolean live) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> shown = new LinkedHashMap<>();
    int drawn = 0;
    while (true) {
      long remaining = deadline - System.nanoTime();
      Duration step = Duration.ofNanos(Math.max(1, Math.min(STEP.toNanos(), remaining)));
      SettleResult result = runtime.awaitSettled(step);
      boolean done =
          result.settled()
              || (!result.errors().isEmpty() && result.pending().isEmpty())
              || System.nanoTime() >= deadline;
      if (out != null) {
        Map<String, String> lines = lines(runtime);
        if (live) {
          if (drawn > 0) {
            out.print("\033[" + drawn + "A");
          }
          for (String line : lines.values()) {
            out.print("\033[2K" + line + "\n");
          }
          drawn = lines.size();
        } else {
          for (Map.Entry<String, String> line : lines.entrySet()) {
            if (!line.getValue().equals(shown.get(line.getKey()))) {
              out.println(line.getValue());
            }
          }
          shown = lines;
        }
        out.flush();
      }
      if (done) {
        return result;
      }
    }
  }

  /** One line per application: status, how many units are idle, the message. */
  static Map<String, String> lines(Runtime runtime) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (ApplicationStatus app : runtime.status().applications().values()) {
      List<UnitStatus> units = new ArrayList<>();
      for (UnitStatus unit : app.units().values()) {
        units.add(unit);
      }
      int total = app.subordinate() ? 0 : units.size();
      long idle = units.stream().filter(u -> u.agent().current().equals("idle")).count();
      String message = app.status().message();
      lines.put(
          app.name(),
          app.name()
              + ": "
              + app.status().current()
              + (app.subordinate() ? "" : " (" + idle + "/" + total + " units idle)")
              + (message.isEmpty() ? "" : " " + message));
    }
    return lines;
  }
}
