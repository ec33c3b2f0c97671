package dev.bosun.charm.internal;

import dev.bosun.charm.CharmFiles;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.utils.PathUtils;
import java.io.Reader;
import java.io.StringReader;

/**
 * Loads Pebble templates from a charm's {@code templates/} directory. Template names are paths
 * relative to that directory; {@code include} and {@code extends} may use {@code ./} and {@code
 * ../} relative to the including template, but never leave {@code templates/}.
 */
final class CharmFilesLoader implements Loader<String> {
  static final String DIRECTORY = "templates/";

  private final CharmFiles files;

  CharmFilesLoader(CharmFiles files) {
    this.files = files;
  }

  @Override
  public Reader getReader(String name) {
    return files
        .readText(path(name))
        .map(StringReader::new)
        .orElseThrow(
            () ->
                new LoaderException(
                    null,
                    "template \""
                        + name
                        + "\" not found: "
                        + files.describe()
                        + " has no file "
                        + DIRECTORY
                        + name));
  }

  @Override
  public void setCharset(String charset) {
    // Charm files are UTF-8; CharmFiles decodes them.
  }

  @Override
  public void setPrefix(String prefix) {
    // The prefix is always templates/.
  }

  @Override
  public void setSuffix(String suffix) {
    // Template names carry their own extension.
  }

  @Override
  public String resolveRelativePath(String relativePath, String anchorPath) {
    return PathUtils.resolveRelativePath(relativePath, anchorPath, '/');
  }

  @Override
  public String createCacheKey(String templateName) {
    return templateName;
  }

  @Override
  public boolean resourceExists(String templateName) {
    return CharmPaths.isInside(templateName)
        && files.readText(DIRECTORY + templateName).isPresent();
  }

  private static String path(String name) {
    if (!CharmPaths.isInside(name)) {
      throw new LoaderException(
          null,
          "template name \""
              + name
              + "\" must be a relative path inside templates/, without \".\", \"..\" or empty parts");
    }
    return DIRECTORY + name;
  }
}
