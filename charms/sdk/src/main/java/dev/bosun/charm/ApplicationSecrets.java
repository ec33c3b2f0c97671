package dev.bosun.charm;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets owned by the unit's application, modelled on Juju's application-owned secrets: a small
 * map of string keys to string values under a label, readable by every unit of the application and
 * written by its leader only. Writes are buffered and committed atomically with the hook, like
 * every other hook write; if the hook fails, nothing is stored.
 *
 * <p>Secrets are stored by the runtime under a prefix of their own, never in relation data, and
 * every map this interface returns prints as {@code {<redacted: N keys>}}: neither a log line nor a
 * status nor an exception message built from it shows a value. Use them for what must survive unit
 * restarts and leader changes but must not travel over a relation, such as a certificate
 * authority's private key.
 *
 * <pre>{@code
 * if (ctx.secrets().get("ca").isEmpty() && ctx.isLeader()) {
 *   ctx.secrets().set("ca", Map.of("certificate", certPem, "private-key", keyPem));
 * }
 * String key = ctx.secrets().get("ca").orElseThrow().get("private-key");
 * }</pre>
 *
 * <p>Smaller than Juju's secrets on purpose: no revisions (a {@code set} replaces the content), no
 * rotation or expiry policies, no grants to other applications or units of other applications, no
 * {@code secret-changed} events (units read the current content in every hook), no user secrets.
 */
public interface ApplicationSecrets {

  /**
   * Returns the content of a secret, with this hook's own write on top, or empty when the
   * application has no secret of that label. The map is unmodifiable and prints redacted.
   *
   * @throws IllegalArgumentException when the label is not valid (see {@link #set})
   */
  Optional<Map<String, String>> get(String label);

  /**
   * Replaces the content of a secret (creating it), committed with the hook.
   *
   * @param label lower-case letters, digits and hyphens, starting with a letter, at most 64
   *     characters (Juju's secret label is free text; Bosun keeps it a name)
   * @param content at least one key; keys are lower-case letters, digits and hyphens, starting with
   *     a letter (Juju's secret key grammar without its 3-character minimum); values non-empty; at
   *     most 64 KiB in all
   * @throws IllegalStateException when this unit is not the application's leader
   * @throws IllegalArgumentException when the label or the content is not valid (the message never
   *     shows a value)
   */
  void set(String label, Map<String, String> content);
}
