package dev.bosun.model.charm;

import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.charm.OptionValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options a charm accepts ({@code config.yaml}), with Juju's typing rules for values.
 *
 * <p>Values are held typed: {@link String} for {@code string} and {@code secret}, {@link Long} for
 * {@code int}, {@link Double} for {@code float}, {@link Boolean} for {@code boolean}.
 *
 * <p>Text (from {@code juju config app key=value} or a string in a bundle) is parsed as Juju parses
 * it: Go's {@code ParseInt(s, 10, 64)}, {@code ParseFloat(s, 64)} (decimal or hexadecimal, with
 * exponents, {@code inf} and {@code nan}) and {@code ParseBool} ({@code 1 t T TRUE true True} and
 * their opposites); no surrounding whitespace is allowed.
 *
 * <pre>{@code
 * Object port = schema.parse("port", "2379");      // Long 2379
 * schema.validate("port", "abc");                   // throws ConfigException:
 *                                                   // option "port" expected int, got "abc"
 * }</pre>
 */
public final class ConfigSchema {
  /** A schema with no options, for charms without {@code config.yaml}. */
  public static final ConfigSchema EMPTY = new ConfigSchema(Map.of());

  private final Map<String, ConfigOption> options;

  private ConfigSchema(Map<String, ConfigOption> options) {
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Returns a schema with the given options, in the given order. */
  public static ConfigSchema of(Map<String, ConfigOption> options) {
    return options.isEmpty() ? EMPTY : new ConfigSchema(options);
  }

  /** Returns every option by name, in declaration order. */
  public Map<String, ConfigOption> options() {
    return options;
  }

  /** Returns the named option, if the charm declares it. */
  public Optional<ConfigOption> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** Returns the options that have a default, with their typed defaults, in declaration order. */
  public Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    options.forEach(
        (name, option) -> {
          if (option.defaultValue() != null) {
            defaults.put(name, option.defaultValue());
          }
        });
    return Collections.unmodifiableMap(defaults);
  }

  /**
   * Parses a value given as text (from the command line, {@code key=value}) into the option's type.
   * {@code string} and {@code secret} options take the text as it is, as Juju's {@code
   * Option.parse} does (a secret URI is not checked here); the other types use Go's parsers.
   *
   * @throws ConfigException {@code unknown option "x"} when the charm has no such option, or {@code
   *     option "x" expected int, got "abc"} when the text is not of the option's type
   */
  public Object parse(String name, String text) {
    ConfigOption option = require(name);
    Object value = OptionValues.parse(option.type(), text);
    if (value == null) {
      throw new ConfigException(
          name,
          String.format("option %s expected %s, got %s", quote(name), option.type(), quote(text)));
    }
    return value;
  }

  /**
   * Checks a value as Juju checks bundle options ({@code ParseSettingsYAML}) and returns it in the
   * option's Java type:
   *
   * <ul>
   *   <li>null is valid for every option (it means the default) and is returned as null;
   *   <li>a string is parsed as {@link #parse} does ({@code "8080"} for an {@code int} option is
   *       8080);
   *   <li>any other value must already have the option's type: an integer ({@link Long}, {@link
   *       Integer}, ...) for {@code int}, a {@link Double} or {@link Float} for {@code float} (an
   *       integer is not accepted, as in Juju), a {@link Boolean} for {@code boolean}; {@code
   *       string} and {@code secret} options take strings only.
   * </ul>
   *
   * @throws ConfigException {@code unknown option "x"}, or {@code option "x" expected float, got 1}
   *     (the value rendered as Go's {@code %#v})
   */
  public Object validate(String name, Object value) {
    ConfigOption option = require(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return parse(name, text);
    }
    Object coerced = OptionValues.check(option.type(), value);
    if (coerced == null) {
      throw new ConfigException(
          name,
          String.format(
              "option %s expected %s, got %s",
              quote(name), option.type(), OptionValues.describe(value)));
    }
    return coerced;
  }

  private ConfigOption require(String name) {
    ConfigOption option = options.get(name);
    if (option == null) {
      throw new ConfigException(name, "unknown option " + quote(name));
    }
    return option;
  }

  static String quote(String text) {
    return GoFormat.quote(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigSchema schema && options.equals(schema.options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  @Override
  public String toString() {
    return "ConfigSchema" + options.keySet();
  }
}
