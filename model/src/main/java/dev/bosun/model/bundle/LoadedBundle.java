package dev.bosun.model.bundle;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.spec.ModelSpec;
import java.util.List;

/**
 * A bundle read without errors: the model it describes, where each part of it was written, and the
 * warnings found (unknown keys, charms whose metadata is unknown, ignored offers and plans).
 *
 * @param model the model, with overlays applied, includes resolved and relative charm paths made
 *     absolute
 * @param sources the {@code file:line:column} of each part of the model, for later checks
 * @param warnings the warnings, sorted by location
 */
public record LoadedBundle(ModelSpec model, SourceMap sources, List<Problem> warnings) {

  /** Checks the components and copies the warnings. */
  public LoadedBundle {
    requireNonNull(model, "model");
    requireNonNull(sources, "sources");
    warnings = List.copyOf(warnings);
  }
}
