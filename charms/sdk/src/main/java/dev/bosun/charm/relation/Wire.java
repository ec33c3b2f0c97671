package dev.bosun.charm.relation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the databag key of a record component, when it differs from the component's name
 * ({@code @Wire("connection_string") String connectionString}), and asks for a JSON-encoded string.
 *
 * <p>How a component is written (see {@link WireCodec}): a {@code String} (or an enum, by name) is
 * written raw, as the reactive charms' {@code to_publish_raw}; every other type is written as JSON,
 * which for a number or a boolean is just its text ({@code 2379}, {@code true}). {@link #json()}
 * {@code = true} JSON-encodes a string too ({@code "flannel"} with its quotes), as the reactive
 * charms' {@code to_publish} does; on other types it changes nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.METHOD
})
public @interface Wire {

  /** Returns the key on the wire; empty means the component's name. */
  String value() default "";

  /**
   * Whether a string (or enum) value is JSON-encoded, quotes and escapes included, instead of
   * written raw (the default). Values of other types are always JSON.
   */
  boolean json() default false;
}
