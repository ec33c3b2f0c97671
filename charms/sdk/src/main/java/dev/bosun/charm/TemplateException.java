package dev.bosun.charm;

import dev.bosun.model.BosunException;

/** Thrown when a template does not exist or does not render. */
public class TemplateException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String template;

  /** Creates the exception. */
  public TemplateException(String template, String message, Throwable cause) {
    super(message, cause);
    this.template = template;
  }

  /** Returns the template's name. */
  public String template() {
    return template;
  }
}
