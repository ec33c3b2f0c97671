package dev.bosun.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the code in the documentation identical to the examples' code, which their tests compile
 * and run. A code block preceded by {@code <!-- snippet: PATH#TAG -->} must equal the lines between
 * {@code tag::TAG[]} and {@code end::TAG[]} in the file at PATH (relative to the repository root;
 * other tag lines dropped, indentation removed), or the whole file without a tag.
 */
class DocumentationSnippetsTest {
  private static final Path ROOT = Path.of("../..");
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: ([^#\\s]+)(?:#([\\w-]+))? -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TAG_LINE =
      Pattern.compile("\\s*(//|#) (tag|end)::[\\w-]+\\[\\]\\s*");

  @ParameterizedTest
  @ValueSource(strings = {"docs/runtime.md", "docs/testing.md"})
  void everySnippetIsTheCodeItQuotes(String document) throws IOException {
    String markdown = Files.readString(ROOT.resolve(document), StandardCharsets.UTF_8);
    Matcher matcher = SNIPPET.matcher(markdown);
    List<String> checked = new ArrayList<>();
    while (matcher.find()) {
      String source = matcher.group(1);
      String tag = matcher.group(2);
      String quoted = matcher.group(3);
      String code = region(Files.readString(ROOT.resolve(source), StandardCharsets.UTF_8), tag);
      assertThat(quoted)
          .as(
              "the snippet of %s#%s in %s (replace it with the expected text)",
              source, tag, document)
          .isEqualTo(code);
      checked.add(source + "#" + tag);
    }
    assertThat(checked).as("snippets in %s", document).isNotEmpty();
  }

  /** Returns the lines of a tagged region (the whole text without a tag), de-indented. */
  static String region(String text, String tag) {
    List<String> lines = new ArrayList<>();
    boolean inside = tag == null;
    boolean found = tag == null;
    for (String line : text.split("\n", -1)) {
      if (tag != null && line.trim().matches("(//|#) tag::" + Pattern.quote(tag) + "\\[\\]")) {
        inside = true;
        found = true;
        continue;
      }
      if (tag != null && line.trim().matches("(//|#) end::" + Pattern.quote(tag) + "\\[\\]")) {
        inside = false;
        continue;
      }
      if (inside && !TAG_LINE.matcher(line).matches()) {
        lines.add(line);
      }
    }
    if (!found) {
      throw new AssertionError("no region tagged " + tag);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder region = new StringBuilder();
    for (String line : lines) {
      region.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return region.toString();
  }
}
