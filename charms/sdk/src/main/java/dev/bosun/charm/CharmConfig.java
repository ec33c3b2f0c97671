package dev.bosun.charm;

import java.util.Map;
import java.util.Optional;

/**
 * The application's configuration as the charm sees it: the defaults of {@code config.yaml}
 * overlaid with the values the operator set, typed as declared.
 */
public interface CharmConfig {

  /** Returns the value of an option, empty when it has neither a value nor a default. */
  Optional<Object> get(String option);

  /**
   * Returns a {@code string} (or {@code secret}) option.
   *
   * @throws IllegalArgumentException when the option is not declared or not a string
   * @throws java.util.NoSuchElementException when it has no value and no default
   */
  String string(String option);

  /**
   * Returns an {@code int} option; throws as {@link #string} does. A value given as text is parsed
   * as Juju parses it, and throws {@link dev.bosun.model.charm.ConfigException} when it does not.
   */
  long integer(String option);

  /** Returns a {@code float} option; throws as {@link #string} does. */
  double number(String option);

  /** Returns a {@code boolean} option; throws as {@link #string} does. */
  boolean bool(String option);

  /** Returns every option that has a value or a default, by name. */
  Map<String, Object> asMap();
}
