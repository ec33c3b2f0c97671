package dev.bosun.model.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import dev.bosun.model.internal.GoFormat;
import java.util.List;

/**
 * Thrown when a charm's {@code metadata.yaml}, {@code manifest.yaml}, {@code config.yaml} or {@code
 * actions.yaml} has errors. It carries every problem of every file, each with {@code
 * file:line:column}, warnings included (see {@link #warnings()}).
 *
 * <p>The message is a heading, {@code charm "charms/etcd" has the following errors:}, then one
 * error per line, for example {@code charms/etcd/metadata.yaml:12:3: charm "etcd" using a reserved
 * relation name: "juju-info"}.
 */
public class CharmMetaException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String charmDirectory;

  /**
   * Creates the exception for one charm.
   *
   * @param charmDirectory the charm directory as the caller named it, for example {@code
   *     charms/etcd}
   * @param problems every problem found; at least one is an error
   */
  public CharmMetaException(String charmDirectory, List<Problem> problems) {
    this(
        charmDirectory,
        "charm " + GoFormat.quote(charmDirectory) + " has the following errors:",
        problems);
  }

  /**
   * Creates the exception with its own heading, for example for a scan of several charms.
   *
   * @param charmDirectory the charm directory, or the directories scanned
   * @param heading the first line of the message
   * @param problems every problem found; at least one is an error
   */
  public CharmMetaException(String charmDirectory, String heading, List<Problem> problems) {
    super(heading, problems);
    this.charmDirectory = charmDirectory;
  }

  /** Returns the charm directory (or the directories scanned) as the caller named it. */
  public String charmDirectory() {
    return charmDirectory;
  }
}
