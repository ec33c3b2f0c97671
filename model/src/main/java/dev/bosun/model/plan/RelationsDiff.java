package dev.bosun.model.plan;

import java.util.List;

/**
 * The relations only one side has (Juju's {@code RelationsDiff}), each as the two endpoints in
 * canonical order, {@code [app:endpoint, app:endpoint]} ({@code app} alone when the bundle leaves
 * the endpoint to inference).
 *
 * @param bundleAdditions relations the bundle has and the model lacks, sorted
 * @param modelAdditions relations the model has and the bundle lacks, sorted
 */
public record RelationsDiff(List<List<String>> bundleAdditions, List<List<String>> modelAdditions) {

  /** Copies the lists. */
  public RelationsDiff {
    bundleAdditions = bundleAdditions.stream().map(List::copyOf).toList();
    modelAdditions = modelAdditions.stream().map(List::copyOf).toList();
  }

  /** Whether neither side has a relation the other lacks. */
  public boolean isEmpty() {
    return bundleAdditions.isEmpty() && modelAdditions.isEmpty();
  }
}
