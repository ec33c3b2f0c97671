package dev.bosun.model.internal.validation;

import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.internal.graph.RelationResolver;
import dev.bosun.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs every check of a model: structural, charm-dependent and relations. */
public final class ModelChecks {
  private ModelChecks() {}

  /** Returns every problem of the model, sorted by location. */
  public static List<Problem> run(ModelSpec spec, SourceMap sources, CharmRepository charms) {
    Findings findings = new Findings(sources);
    StructuralChecks.run(spec, findings);
    Map<String, CharmMeta> known = CharmChecks.run(spec, charms, findings);
    findings.addAll(RelationResolver.resolve(spec, sources, known).problems());
    List<Problem> problems = new ArrayList<>(findings.problems());
    problems.sort(Problem.BY_LOCATION);
    return List.copyOf(problems);
  }
}
