package dev.bosun.charm.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An unmodifiable copy of a secret's content that prints as {@code {<redacted: N keys>}}, so that
 * logging it, or a record holding it, never shows a value.
 */
public final class RedactedMap extends AbstractMap<String, String> {
  private final Map<String, String> content;

  private RedactedMap(Map<String, String> content) {
    this.content = content;
  }

  /** Returns an unmodifiable, redacted copy of the content, sorted by key. */
  public static Map<String, String> of(Map<String, String> content) {
    if (content instanceof RedactedMap redacted) {
      return redacted;
    }
    return new RedactedMap(Collections.unmodifiableMap(new TreeMap<>(content)));
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return content.entrySet();
  }

  @Override
  public String get(Object key) {
    return content.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return content.containsKey(key);
  }

  @Override
  public int size() {
    return content.size();
  }

  @Override
  public String toString() {
    return "{<redacted: " + content.size() + " keys>}";
  }
}
