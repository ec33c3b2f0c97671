package dev.bosun.testing;

import dev.bosun.charm.Status;
import dev.bosun.runtime.StatusInfo;
import dev.bosun.runtime.UnitStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.MapAssert;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on one unit of a {@link ModelExtension}'s model. Each failure says what was expected
 * and what the unit has, then lists the hooks the unit ran and the model's status.
 *
 * <pre>{@code
 * model.assertThatUnit("etcd/0")
 *     .hasStatus(Status.active("Healthy with 3 known peers"))
 *     .isLeader()
 *     .hasOpenPorts("2379/tcp");
 * model.assertThatUnit("etcd/1").hooks().startsWith("install", "cluster-relation-created");
 * }</pre>
 */
public final class UnitAssert {
  private final ModelExtension model;
  private final String unit;

  UnitAssert(ModelExtension model, String unit) {
    this.model = model;
    this.unit = unit;
  }

  private Optional<UnitStatus> status() {
    return model.status().unit(unit);
  }

  private UnitStatus existing() {
    return status()
        .orElseThrow(
            () ->
                new AssertionFailedError(
                    "expected unit "
                        + unit
                        + " to exist, but the model has no such unit\n\n"
                        + model.report()));
  }

  private AssertionFailedError failure(String expectation, Object expected, Object actual) {
    String hooks;
    try {
      hooks = String.join(", ", model.hookTrace(unit));
    } catch (RuntimeException e) {
      hooks = "(none: the unit never existed)";
    }
    return new AssertionFailedError(
        "expected "
            + unit
            + " "
            + expectation
            + "\n  expected: "
            + expected
            + "\n  but was:  "
            + actual
            + "\n\nhooks of "
            + unit
            + ": "
            + hooks
            + "\n\n"
            + model.report(),
        expected,
        actual);
  }

  /** Checks that the unit exists (it was not removed). */
  public UnitAssert exists() {
    existing();
    return this;
  }

  /** Checks that the unit does not exist (any more). */
  public UnitAssert doesNotExist() {
    Optional<UnitStatus> status = status();
    if (status.isPresent()) {
      throw failure("not to exist", "no unit", status.get().workload());
    }
    return this;
  }

  /**
   * Checks the unit's workload status, state and message, as the charm set it: {@code
   * hasStatus(Status.active("ready"))}.
   */
  public UnitAssert hasStatus(Status expected) {
    StatusInfo workload = existing().workload();
    String wanted = describe(expected.state().toString(), expected.message());
    String actual = describe(workload.current(), workload.message());
    if (!wanted.equals(actual)) {
      throw failure("to have workload status", wanted, actual);
    }
    return this;
  }

  /** Checks the state of the unit's workload status: {@code active}, {@code blocked} ... */
  public UnitAssert hasWorkloadStatus(String current) {
    StatusInfo workload = existing().workload();
    if (!workload.current().equals(current)) {
      throw failure(
          "to have workload status", current, describe(workload.current(), workload.message()));
    }
    return this;
  }

  /** Checks that the unit is in error because a hook failed: {@code hook failed: "install"}. */
  public UnitAssert hasFailedHook(String hook) {
    StatusInfo workload = existing().workload();
    String wanted = describe("error", "hook failed: \"" + hook + "\"");
    String actual = describe(workload.current(), workload.message());
    if (!wanted.equals(actual)) {
      throw failure("to be in error after a failed hook", wanted, actual);
    }
    return this;
  }

  /** Checks the unit's agent status: {@code idle}, {@code executing}, {@code lost} ... */
  public UnitAssert hasAgentStatus(String current) {
    StatusInfo agent = existing().agent();
    if (!agent.current().equals(current)) {
      throw failure("to have agent status", current, describe(agent.current(), agent.message()));
    }
    return this;
  }

  /** Checks that the unit leads its application. */
  public UnitAssert isLeader() {
    if (!existing().leader()) {
      throw failure("to be the leader", "leader", "not the leader");
    }
    return this;
  }

  /** Checks that the unit does not lead its application. */
  public UnitAssert isNotLeader() {
    if (existing().leader()) {
      throw failure("not to be the leader", "not the leader", "leader");
    }
    return this;
  }

  /** Checks the unit's open ports, exactly: {@code hasOpenPorts("2379/tcp", "2380/tcp")}. */
  public UnitAssert hasOpenPorts(String... ports) {
    List<String> wanted = Arrays.stream(ports).sorted().toList();
    List<String> actual = existing().openPorts().stream().sorted().toList();
    if (!wanted.equals(actual)) {
      throw failure("to have open ports", wanted, actual);
    }
    return this;
  }

  /**
   * Returns AssertJ assertions on the hooks the unit ran, by name ({@link ModelExtension#hooks}); a
   * failure also shows the hooks with their remote units and the model's status.
   */
  public ListAssert<String> hooks() {
    return Assertions.assertThat(model.hooks(unit))
        .as("hooks of %s, in detail: %s%n%n%s", unit, model.hookTrace(unit), model.report());
  }

  /**
   * Returns AssertJ assertions on the hooks the unit ran with their remote units and outcomes
   * ({@link ModelExtension#hookTrace}).
   */
  public ListAssert<String> hookTrace() {
    return Assertions.assertThat(model.hookTrace(unit))
        .as("hooks of %s%n%n%s", unit, model.report());
  }

  /**
   * Returns AssertJ assertions on the unit's bag in its one relation on an endpoint ({@link
   * ModelExtension#relationData(String, String)}).
   */
  public MapAssert<String, String> relationData(String endpoint) {
    return Assertions.assertThat(model.relationData(unit, endpoint))
        .as("data of %s on %s%n%n%s", unit, endpoint, model.report());
  }

  private static String describe(String current, String message) {
    return message.isEmpty() ? current : current + " (" + message + ")";
  }
}
