package dev.bosun.charm;

import java.util.Map;

/**
 * Renders the charm's templates (files under {@code templates/} in the charm) with Pebble.
 *
 * <pre>{@code
 * String conf = ctx.templates().render("etcd.conf.yaml", Map.of("name", "etcd0", "port", 2379));
 * }</pre>
 */
public interface Templates {

  /**
   * Renders a template.
   *
   * @param name the template's path under {@code templates/}
   * @param variables the values the template refers to
   * @throws TemplateException when the template does not exist or fails to render, naming the
   *     template and the line
   */
  String render(String name, Map<String, ?> variables);
}
