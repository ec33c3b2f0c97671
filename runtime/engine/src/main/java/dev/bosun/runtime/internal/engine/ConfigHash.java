package dev.bosun.runtime.internal.engine;

import dev.bosun.runtime.internal.persist.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of an application's configuration values, as Juju's config hash: a unit runs {@code
 * config-changed} when it differs from the one it last ran it for.
 */
final class ConfigHash {
  private ConfigHash() {}

  static String of(Map<String, Object> config) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(Json.encode(new TreeMap<>(config)));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
