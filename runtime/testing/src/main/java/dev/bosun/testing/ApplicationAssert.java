package dev.bosun.testing;

import dev.bosun.charm.Status;
import dev.bosun.runtime.ApplicationStatus;
import dev.bosun.runtime.StatusInfo;
import dev.bosun.runtime.UnitStatus;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on one application of a {@link ModelExtension}'s model. Each failure shows the model's
 * status and every unit's hooks.
 *
 * <pre>{@code
 * model.assertThatApplication("etcd")
 *     .hasStatus(Status.active("Healthy with 3 known peers"))
 *     .hasUnits("etcd/0", "etcd/1", "etcd/2")
 *     .hasLeader("etcd/0");
 * }</pre>
 */
public final class ApplicationAssert {
  private final ModelExtension model;
  private final String application;

  ApplicationAssert(ModelExtension model, String application) {
    this.model = model;
    this.application = application;
  }

  private ApplicationStatus existing() {
    ApplicationStatus status = model.status().applications().get(application);
    if (status == null) {
      throw new AssertionFailedError(
          "expected application "
              + application
              + " to exist, but the model has no such application\n\n"
              + model.report());
    }
    return status;
  }

  private AssertionFailedError failure(String expectation, Object expected, Object actual) {
    return new AssertionFailedError(
        "expected application "
            + application
            + " "
            + expectation
            + "\n  expected: "
            + expected
            + "\n  but was:  "
            + actual
            + "\n\n"
            + model.report(),
        expected,
        actual);
  }

  /**
   * Checks the application's status, state and message: the one its leader set, else the one
   * derived from its units'.
   */
  public ApplicationAssert hasStatus(Status expected) {
    StatusInfo status = existing().status();
    String wanted = describe(expected.state().toString(), expected.message());
    String actual = describe(status.current(), status.message());
    if (!wanted.equals(actual)) {
      throw failure("to have status", wanted, actual);
    }
    return this;
  }

  /** Checks the state of the application's status: {@code active}, {@code blocked} ... */
  public ApplicationAssert hasStatus(String current) {
    StatusInfo status = existing().status();
    if (!status.current().equals(current)) {
      throw failure("to have status", current, describe(status.current(), status.message()));
    }
    return this;
  }

  /** Checks the application's units, exactly, in unit order. */
  public ApplicationAssert hasUnits(String... units) {
    List<String> wanted = List.of(units);
    List<String> actual = List.copyOf(existing().units().keySet());
    if (!wanted.equals(actual)) {
      throw failure("to have units", wanted, actual);
    }
    return this;
  }

  /** Checks which unit leads the application. */
  public ApplicationAssert hasLeader(String unit) {
    String leader =
        existing().units().values().stream()
            .filter(UnitStatus::leader)
            .map(UnitStatus::name)
            .findFirst()
            .orElse("no leader");
    if (!leader.equals(unit)) {
      throw failure("to be led by", unit, leader);
    }
    return this;
  }

  private static String describe(String current, String message) {
    return message.isEmpty() ? current : current + " (" + message + ")";
  }
}
