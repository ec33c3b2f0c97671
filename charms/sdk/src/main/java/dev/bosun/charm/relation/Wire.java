package dev.bosun.charm.relation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the databag key of a record component, when it differs from the component's name
 * ({@code @Wire("connection_string") String connectionString}).
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
   * Whether a non-string value is JSON-encoded (the default, as reactive charms' {@code
   * to_publish}); {@code false} writes its plain text, as {@code to_publish_raw}.
   */
  boolean json() default true;
}
