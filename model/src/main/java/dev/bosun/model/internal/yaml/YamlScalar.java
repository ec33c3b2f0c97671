package dev.bosun.model.internal.yaml;

import dev.bosun.model.Location;

/**
 * A scalar: the text as written, its resolved type, and its value.
 *
 * @param text the scalar's text, after unquoting
 * @param type the resolved YAML 1.1 type
 * @param value the typed value: null, {@link Boolean}, {@link Long}, {@link java.math.BigInteger},
 *     {@link Double} or {@link String} (timestamps and binary stay text, as Go's yaml.v2 leaves
 *     them for untyped targets)
 * @param quoted whether the scalar was quoted (a quoted scalar is always a string)
 * @param location where the scalar starts
 */
public record YamlScalar(String text, Type type, Object value, boolean quoted, Location location)
    implements YamlNode {

  @Override
  public String kind() {
    return type.toString();
  }

  @Override
  public Object toJava() {
    return value;
  }

  /** Returns the value as a string when it is one (not for numbers or booleans), else null. */
  public String stringValue() {
    return value instanceof String s ? s : null;
  }

  /** The resolved type of a scalar. */
  public enum Type {
    /** {@code ~}, {@code null} or an empty value. */
    NULL("null"),
    /** {@code true}, {@code yes}, {@code on} and their opposites. */
    BOOLEAN("bool"),
    /** An integer. */
    INT("int"),
    /** A floating-point number. */
    FLOAT("float"),
    /** Anything else, including timestamps. */
    STRING("string");

    private final String goName;

    Type(String goName) {
      this.goName = goName;
    }

    /** Returns the type's name as Go's yaml errors spell it. */
    @Override
    public String toString() {
      return goName;
    }
  }
}
