package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.TemplateException;
import dev.bosun.charm.Templates;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * A charm's templates rendered with Pebble, set up for configuration files rather than HTML: no
 * auto-escaping; strict variables (a variable the template uses but the caller did not pass is an
 * error, never an empty string); newlines kept as written, as Jinja2 keeps them (Pebble's default
 * would drop the newline after every tag, {@code {{ x }}} included; use {@code {%- -%}} to trim
 * whitespace around a tag); and the root locale, so numbers render the same on every machine. One
 * instance per charm definition: it holds the compiled templates.
 */
public final class PebbleTemplates implements Templates {
  private final CharmFiles files;
  private final PebbleEngine engine;

  /** Creates the templates of a charm; nothing is read until a template is rendered. */
  public PebbleTemplates(CharmFiles files) {
    this.files = requireNonNull(files, "files");
    this.engine =
        new PebbleEngine.Builder()
            .loader(new CharmFilesLoader(files))
            .autoEscaping(false)
            .strictVariables(true)
            .newLineTrimming(false)
            .defaultLocale(Locale.ROOT)
            .build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public String render(String name, Map<String, ?> variables) {
    requireNonNull(name, "name");
    requireNonNull(variables, "variables");
    PebbleTemplate template;
    try {
      template = engine.getTemplate(name);
    } catch (LoaderException e) {
      throw new TemplateException(name, e.getPebbleMessage(), e);
    } catch (PebbleException e) {
      throw failure(name, e);
    }
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, (Map<String, Object>) variables, Locale.ROOT);
    } catch (PebbleException e) {
      throw failure(name, e);
    } catch (IOException e) {
      throw new TemplateException(
          name, "cannot render template \"" + name + "\": " + e.getMessage(), e);
    }
    return out.toString();
  }

  private TemplateException failure(String name, PebbleException e) {
    StringBuilder message =
        new StringBuilder("cannot render template \"")
            .append(name)
            .append("\" (")
            .append(files.describe())
            .append(')');
    String file = e.getFileName();
    if (file != null && !file.equals(name)) {
      message.append(" in \"").append(file).append('"');
    }
    if (e.getLineNumber() != null && e.getLineNumber() > 0) {
      message.append(" line ").append(e.getLineNumber());
    }
    message.append(": ").append(e.getPebbleMessage());
    return new TemplateException(name, message.toString(), e);
  }
}
