package dev.bosun.charm;

/** Reads and sets the unit's and the application's workload status. */
public interface StatusControl {

  /** Returns the unit's status, including a change made earlier in this hook. */
  Status unit();

  /**
   * Sets the unit's status, committed with the hook.
   *
   * @throws IllegalArgumentException for {@code error}, {@code terminated} or {@code unknown},
   *     which only Bosun sets
   */
  void unit(Status status);

  /**
   * Sets the application's status, which then overrides the status derived from the units'.
   *
   * @throws IllegalStateException {@code this unit is not the leader} when called by a non-leader
   * @throws IllegalArgumentException for states a charm may not set
   */
  void application(Status status);
}
