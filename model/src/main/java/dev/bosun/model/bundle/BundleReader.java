package dev.bosun.model.bundle;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.Problem;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.bundle.BundleLoading;
import dev.bosun.model.internal.bundle.BundleSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads bundle YAML into a {@link dev.bosun.model.spec.ModelSpec}, the way {@code juju deploy
 * bundle.yaml --overlay o.yaml} does, and checks it.
 *
 * <p>A bundle file may hold several YAML documents: the first is the base, later ones and then each
 * overlay file, in order, are merged into it (Juju's overlay rules). String values of application
 * options and annotations and of machine annotations may be {@code include-file://PATH} or {@code
 * include-base64://PATH}, relative to the file that holds them; relative charm paths become
 * absolute. The model is then checked by {@link dev.bosun.model.validation.ModelValidator} against
 * the charms the reader was given.
 *
 * <pre>{@code
 * LoadedBundle bundle = BundleReader.builder()
 *     .charms(repository)
 *     .build()
 *     .read(Path.of("bundles/kubernetes-core.yaml"), List.of(Path.of("overlay.yaml")));
 * ModelSpec model = bundle.model();
 * }</pre>
 *
 * <p>Reading never half-succeeds: any error throws a {@link BundleException} listing every problem
 * found, each at its {@code file:line:column}. Warnings (unknown keys, unknown charms) come back in
 * {@link LoadedBundle#warnings()}. Instances are immutable and thread-safe.
 */
public final class BundleReader {
  private final CharmRepository charms;

  private BundleReader(CharmRepository charms) {
    this.charms = charms;
  }

  /** Returns a builder; the default repository knows no charm ({@link CharmRepository#NONE}). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a bundle file and overlay files.
   *
   * @param bundle the bundle file, or a directory holding {@code bundle.yaml}; locations name the
   *     file as given here
   * @param overlays overlay files, applied in order after the bundle's own documents
   * @return the model, where its parts came from, and the warnings
   * @throws BundleException listing every problem when the bundle cannot be used, including a file
   *     that cannot be read
   */
  public LoadedBundle read(Path bundle, List<Path> overlays) {
    requireNonNull(bundle, "bundle");
    requireNonNull(overlays, "overlays");
    List<Problem> unreadable = new ArrayList<>();
    List<BundleSource> sources = new ArrayList<>();
    Path bundleFile = Files.isDirectory(bundle) ? bundle.resolve("bundle.yaml") : bundle;
    read(bundleFile, "bundle", sources, unreadable);
    for (Path overlay : overlays) {
      read(overlay, "overlay", sources, unreadable);
    }
    if (!unreadable.isEmpty()) {
      throw new BundleException(unreadable);
    }
    return load(sources);
  }

  /**
   * Reads a bundle held in memory (its documents may include overlays).
   *
   * @param content the YAML text
   * @param fileLabel the file name to put in locations
   * @param baseDirectory the directory relative charm paths and includes resolve against
   * @return the model, where its parts came from, and the warnings
   * @throws BundleException listing every problem when the bundle cannot be used
   */
  public LoadedBundle read(String content, String fileLabel, Path baseDirectory) {
    return load(List.of(new BundleSource(fileLabel, baseDirectory, content)));
  }

  private LoadedBundle load(List<BundleSource> sources) {
    BundleLoading.Outcome outcome = BundleLoading.load(sources, charms);
    if (outcome.hasErrors()) {
      throw new BundleException(outcome.problems());
    }
    List<Problem> warnings = outcome.problems().stream().filter(p -> !p.isError()).toList();
    return new LoadedBundle(outcome.model(), outcome.sources(), warnings);
  }

  private static void read(
      Path file, String what, List<BundleSource> into, List<Problem> problems) {
    String label = file.toString();
    try {
      byte[] bytes = Files.readAllBytes(file);
      String content =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      Path directory = file.toAbsolutePath().normalize().getParent();
      into.add(new BundleSource(label, directory == null ? Path.of("/") : directory, content));
    } catch (NoSuchFileException e) {
      problems.add(
          Problem.error(null, "cannot read " + what + ": " + GoFormat.quote(label) + " not found"));
    } catch (CharacterCodingException e) {
      problems.add(
          Problem.error(
              null, "cannot read " + what + " " + GoFormat.quote(label) + ": not valid UTF-8"));
    } catch (IOException e) {
      problems.add(
          Problem.error(
              null, "cannot read " + what + " " + GoFormat.quote(label) + ": " + e.getMessage()));
    }
  }

  /** Configures a {@link BundleReader}. */
  public static final class Builder {
    private CharmRepository charms = CharmRepository.NONE;

    private Builder() {}

    /**
     * Sets where charm metadata comes from. Applications whose charm it knows get every check; the
     * others get the structural checks and a warning.
     */
    public Builder charms(CharmRepository charms) {
      this.charms = requireNonNull(charms, "charms");
      return this;
    }

    /** Returns the reader. */
    public BundleReader build() {
      return new BundleReader(charms);
    }
  }
}
