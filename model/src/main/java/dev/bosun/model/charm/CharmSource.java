package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

/**
 * The texts of a charm's files, for reading a charm that is not in a directory (tests, embedders,
 * charms packed in a jar). A file that is null is absent.
 *
 * <pre>{@code
 * CharmMeta meta = CharmMetaReader.read(
 *     CharmSource.of("charms/etcd", metadataYaml).withConfig(configYaml));
 * }</pre>
 *
 * @param directory the charm directory as it should appear in messages, for example {@code
 *     charms/etcd}; file labels are this joined with the file name ({@code
 *     charms/etcd/metadata.yaml}); an empty string gives bare file names
 * @param metadata the text of {@code metadata.yaml} (required)
 * @param config the text of {@code config.yaml}, or null when absent
 * @param actions the text of {@code actions.yaml}, or null when absent
 * @param manifest the text of {@code manifest.yaml}, or null when absent
 */
public record CharmSource(
    String directory, String metadata, String config, String actions, String manifest) {

  /** Checks the required components. */
  public CharmSource {
    requireNonNull(directory, "directory");
    requireNonNull(metadata, "metadata");
  }

  /** Returns a source with only {@code metadata.yaml}. */
  public static CharmSource of(String directory, String metadata) {
    return new CharmSource(directory, metadata, null, null, null);
  }

  /** Returns a copy with the given {@code config.yaml} text (null: absent). */
  public CharmSource withConfig(String configText) {
    return new CharmSource(directory, metadata, configText, actions, manifest);
  }

  /** Returns a copy with the given {@code actions.yaml} text (null: absent). */
  public CharmSource withActions(String actionsText) {
    return new CharmSource(directory, metadata, config, actionsText, manifest);
  }

  /** Returns a copy with the given {@code manifest.yaml} text (null: absent). */
  public CharmSource withManifest(String manifestText) {
    return new CharmSource(directory, metadata, config, actions, manifestText);
  }

  /** Returns the label of a file of this charm: the directory joined with the file name. */
  public String label(String fileName) {
    if (directory.isEmpty()) {
      return fileName;
    }
    return directory.endsWith("/") ? directory + fileName : directory + "/" + fileName;
  }
}
