package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.ApplicationSecrets;
import dev.bosun.charm.spi.HookBackend;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The application's secrets with the hook's writes buffered on top. Only the leader writes; every
 * map handed out is a {@link RedactedMap}, and no message repeats a value.
 */
final class BufferedSecrets implements ApplicationSecrets {
  /** The largest content of one secret, keys and values in UTF-8. */
  static final int MAX_CONTENT_BYTES = 64 * 1024;

  private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

  private final HookScope scope;
  private final HookBackend backend;
  private final String unitName;
  private final boolean leader;
  private final Map<String, Map<String, String>> pending = new LinkedHashMap<>();

  BufferedSecrets(HookScope scope, HookBackend backend, String unitName, boolean leader) {
    this.scope = scope;
    this.backend = backend;
    this.unitName = unitName;
    this.leader = leader;
  }

  @Override
  public Optional<Map<String, String>> get(String label) {
    checkLabel(label);
    scope.ensureOpen();
    Map<String, String> written = pending.get(label);
    if (written != null) {
      return Optional.of(written);
    }
    return backend.applicationSecret(label).map(RedactedMap::of);
  }

  @Override
  public void set(String label, Map<String, String> content) {
    checkLabel(label);
    requireNonNull(content, "content");
    scope.ensureOpen();
    if (!leader) {
      throw new IllegalStateException(
          unitName + " is not the leader and cannot set application secret \"" + label + "\"");
    }
    if (content.isEmpty()) {
      throw new IllegalArgumentException(
          "application secret \"" + label + "\" must have at least one key");
    }
    int bytes = 0;
    for (Map.Entry<String, String> entry : content.entrySet()) {
      String key = entry.getKey();
      if (key == null || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "application secret \""
                + label
                + "\": key \""
                + key
                + "\" is not valid; keys are lower-case letters, digits and hyphens, starting with"
                + " a letter");
      }
      String value = entry.getValue();
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            "application secret \"" + label + "\": key \"" + key + "\" has an empty value");
      }
      bytes +=
          BufferedUnitState.utf8Length(key, MAX_CONTENT_BYTES)
              + BufferedUnitState.utf8Length(value, MAX_CONTENT_BYTES);
    }
    if (bytes > MAX_CONTENT_BYTES) {
      throw new IllegalArgumentException(
          "application secret \""
              + label
              + "\" holds more than "
              + MAX_CONTENT_BYTES
              + " bytes (the value is not shown)");
    }
    Map<String, String> copy = RedactedMap.of(content);
    Optional<Map<String, String>> committed = backend.applicationSecret(label);
    if (committed.isPresent() && committed.get().equals(copy)) {
      pending.remove(label);
      return;
    }
    pending.put(label, copy);
  }

  /** Returns the secrets the hook set, by label; empty when none. */
  Map<String, Map<String, String>> changes() {
    return pending.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pending));
  }

  private static void checkLabel(String label) {
    requireNonNull(label, "label");
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException(
          "\""
              + label
              + "\" is not a valid secret label; labels are lower-case letters, digits and"
              + " hyphens, starting with a letter, at most 64 characters");
    }
  }
}
