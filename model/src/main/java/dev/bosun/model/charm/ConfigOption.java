package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

/**
 * One option of a charm's {@code config.yaml}.
 *
 * @param name the option name
 * @param type the option type
 * @param description what the option does, or an empty string
 * @param defaultValue the typed default ({@link String}, {@link Long}, {@link Double} or {@link
 *     Boolean} by type), or null when the option has no default
 */
public record ConfigOption(String name, OptionType type, String description, Object defaultValue) {

  /** Checks the components. */
  public ConfigOption {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
  }
}
