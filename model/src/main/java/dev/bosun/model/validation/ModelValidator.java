package dev.bosun.model.validation;

import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.internal.validation.ModelChecks;
import dev.bosun.model.spec.ModelSpec;
import java.util.List;

/**
 * Checks a model the way Juju verifies a bundle ({@code VerifyLocal} and {@code VerifyWithCharms}),
 * reporting every problem at once, in Juju's wording, at the location the {@link SourceMap}
 * records.
 *
 * <p>The structural checks (type, series and bases, machines, applications, placement, expose
 * rules, relation syntax and duplicates) always run. The checks that need charm metadata
 * (subordinates, options, bindings, endpoint inference, roles, interfaces, relation limits,
 * container scope) run for every application whose charm the repository knows; an application whose
 * charm it does not know gets one warning at its {@code charm} key instead.
 *
 * <pre>{@code
 * List<Problem> problems = ModelValidator.validate(model, SourceMap.EMPTY, charms);
 * boolean usable = problems.stream().noneMatch(Problem::isError);
 * }</pre>
 */
public final class ModelValidator {
  private ModelValidator() {}

  /**
   * Returns every problem of the model.
   *
   * @param spec the model
   * @param sources where the model's parts came from ({@link SourceMap#EMPTY} for Java models)
   * @param charms charm metadata; charm-dependent checks run for every application whose charm the
   *     repository knows, and an application whose charm it does not know gets a warning
   * @return errors and warnings, ordered by location (problems without a location first), then by
   *     message
   */
  public static List<Problem> validate(ModelSpec spec, SourceMap sources, CharmRepository charms) {
    return ModelChecks.run(spec, sources, charms);
  }
}
