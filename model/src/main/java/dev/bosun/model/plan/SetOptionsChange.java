package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Change configuration values of an existing application ({@code setOptions}), described as {@code
 * set application options for etcd}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application's name
 * @param options the values that change
 */
public record SetOptionsChange(
    String id, List<String> requires, String application, Map<String, Object> options)
    implements Change {

  /** Checks the components and copies the options. */
  public SetOptionsChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
    options = Collections.unmodifiableMap(new TreeMap<>(options));
  }

  @Override
  public String method() {
    return "setOptions";
  }

  @Override
  public List<String> descriptionLines() {
    return List.of("set application options for " + application);
  }
}
