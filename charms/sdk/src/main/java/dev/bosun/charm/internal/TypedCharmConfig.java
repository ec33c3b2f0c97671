package dev.bosun.charm.internal;

import dev.bosun.charm.CharmConfig;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.OptionType;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The charm's configuration: the defaults of {@code config.yaml} overlaid with the values the
 * operator set (a null value means "unset": the default applies).
 */
final class TypedCharmConfig implements CharmConfig {
  private final CharmMeta meta;
  private final Map<String, Object> values;

  TypedCharmConfig(CharmMeta meta, Map<String, Object> setValues) {
    this.meta = meta;
    Map<String, Object> merged = new LinkedHashMap<>(meta.config().defaults());
    setValues.forEach(
        (name, value) -> {
          if (value != null) {
            merged.put(name, value);
          }
        });
    this.values = Collections.unmodifiableMap(merged);
  }

  @Override
  public Optional<Object> get(String option) {
    return Optional.ofNullable(values.get(option));
  }

  @Override
  public String string(String option) {
    ConfigOption declared = declared(option, OptionType.STRING);
    Object value = require(option);
    if (value instanceof String text) {
      return text;
    }
    throw wrongValue(declared, value);
  }

  @Override
  public long integer(String option) {
    ConfigOption declared = declared(option, OptionType.INT);
    Object value = require(option);
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (value instanceof String text) {
      return (Long) meta.config().parse(option, text);
    }
    throw wrongValue(declared, value);
  }

  @Override
  public double number(String option) {
    ConfigOption declared = declared(option, OptionType.FLOAT);
    Object value = require(option);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      return (Double) meta.config().parse(option, text);
    }
    throw wrongValue(declared, value);
  }

  @Override
  public boolean bool(String option) {
    ConfigOption declared = declared(option, OptionType.BOOLEAN);
    Object value = require(option);
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      return (Boolean) meta.config().parse(option, text);
    }
    throw wrongValue(declared, value);
  }

  @Override
  public Map<String, Object> asMap() {
    return values;
  }

  private ConfigOption declared(String option, OptionType wanted) {
    ConfigSchema schema = meta.config();
    ConfigOption declared =
        schema
            .option(option)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown option \""
                            + option
                            + "\": charm \""
                            + meta.name()
                            + "\" declares "
                            + (schema.options().isEmpty()
                                ? "no options"
                                : "the options " + String.join(", ", schema.options().keySet()))));
    OptionType type = declared.type();
    boolean matches = type == wanted || (wanted == OptionType.STRING && type == OptionType.SECRET);
    if (!matches) {
      throw new IllegalArgumentException(
          "option \""
              + option
              + "\" is "
              + article(type)
              + " "
              + type
              + " option, not "
              + article(wanted)
              + " "
              + wanted
              + "; read it with "
              + accessorFor(type)
              + "\""
              + option
              + "\")");
    }
    return declared;
  }

  private Object require(String option) {
    Object value = values.get(option);
    if (value == null) {
      throw new NoSuchElementException(
          "option \"" + option + "\" has no value and no default; check get(\"" + option + "\")");
    }
    return value;
  }

  private static IllegalStateException wrongValue(ConfigOption option, Object value) {
    return new IllegalStateException(
        "option \""
            + option.name()
            + "\" of type "
            + option.type()
            + " has the value "
            + value
            + " ("
            + value.getClass().getSimpleName()
            + "), which is not "
            + article(option.type().toString())
            + " "
            + option.type());
  }

  private static String accessorFor(OptionType type) {
    return switch (type) {
      case STRING, SECRET -> "string(";
      case INT -> "integer(";
      case FLOAT -> "number(";
      case BOOLEAN -> "bool(";
    };
  }

  private static String article(Object word) {
    String text = word.toString();
    return "aeiou".indexOf(text.charAt(0)) >= 0 ? "an" : "a";
  }
}
