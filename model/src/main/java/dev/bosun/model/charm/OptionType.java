package dev.bosun.model.charm;

/** The type of a charm configuration option, as declared in {@code config.yaml}. */
public enum OptionType {
  /** A string; the default when {@code type} is omitted. */
  STRING("string"),
  /** A 64-bit integer, held as {@link Long}. */
  INT("int"),
  /** A double-precision number, held as {@link Double}. */
  FLOAT("float"),
  /** A boolean, held as {@link Boolean}. */
  BOOLEAN("boolean"),
  /** A reference to a secret: a string URI with scheme {@code secret}. */
  SECRET("secret");

  private final String jujuName;

  OptionType(String jujuName) {
    this.jujuName = jujuName;
  }

  /** Returns the type named as in {@code config.yaml}, or null when the name is not a type. */
  public static OptionType fromJujuName(String name) {
    for (OptionType type : values()) {
      if (type.jujuName.equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** Returns the name used in {@code config.yaml}, for example {@code int}. */
  @Override
  public String toString() {
    return jujuName;
  }
}
