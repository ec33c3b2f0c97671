package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import dev.bosun.model.spec.ExposedEndpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expose an application ({@code expose}). With no per-endpoint rules it is described as {@code
 * expose all endpoints of kubernetes-worker and allow access from CIDRs 0.0.0.0/0 and ::/0}; with
 * rules, one line per group of endpoints that share a rule, as Juju prints them.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application's name, or the placeholder of the change that deploys it
 * @param applicationName the application's name
 * @param exposedEndpoints per-endpoint rules ({@code ""} for all endpoints); empty to expose every
 *     endpoint to everyone
 * @param alreadyExposed whether the application was exposed before
 */
public record ExposeChange(
    String id,
    List<String> requires,
    String application,
    String applicationName,
    Map<String, ExposedEndpoint> exposedEndpoints,
    boolean alreadyExposed)
    implements Change {

  /** Checks the components and copies the rules. */
  public ExposeChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
    requireNonNull(applicationName, "applicationName");
    exposedEndpoints = Collections.unmodifiableMap(new TreeMap<>(exposedEndpoints));
  }

  @Override
  public String method() {
    return "expose";
  }

  @Override
  public List<String> descriptionLines() {
    if (exposedEndpoints.isEmpty()) {
      return List.of(
          "expose all endpoints of "
              + applicationName
              + " and allow access from CIDRs 0.0.0.0/0 and ::/0");
    }
    List<String> lines = new ArrayList<>();
    for (Group group : groups()) {
      StringBuilder text = new StringBuilder();
      if (group.endpoints.get(0).isEmpty()) {
        text.append("expose all endpoints");
      } else {
        text.append("override expose settings for endpoint")
            .append(group.endpoints.size() > 1 ? "s " : " ")
            .append(String.join(",", group.endpoints));
      }
      text.append(" of ").append(applicationName).append(" and allow access from ");
      List<String> spaces = sortedCopy(group.rule.exposeToSpaces());
      List<String> cidrs = sortedCopy(group.rule.exposeToCidrs());
      if (spaces.isEmpty() && cidrs.isEmpty()) {
        text.append("CIDRs 0.0.0.0/0 and ::/0");
      } else {
        if (!spaces.isEmpty()) {
          text.append(spaces.size() > 1 ? "spaces " : "space ").append(String.join(",", spaces));
        }
        if (!spaces.isEmpty() && !cidrs.isEmpty()) {
          text.append(" and ");
        }
        if (!cidrs.isEmpty()) {
          text.append(cidrs.size() > 1 ? "CIDRs " : "CIDR ").append(String.join(",", cidrs));
        }
      }
      lines.add(text.toString());
    }
    return List.copyOf(lines);
  }

  /**
   * Groups the endpoints that share a rule (compared as sets), the wildcard {@code ""} always on
   * its own, sorted by their first endpoint name.
   */
  private List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, ExposedEndpoint> entry : exposedEndpoints.entrySet()) {
      if (entry.getKey().isEmpty()) {
        continue;
      }
      Group match = null;
      for (Group group : groups) {
        if (sameRule(group.rule, entry.getValue())) {
          match = group;
          break;
        }
      }
      if (match == null) {
        groups.add(new Group(entry.getValue(), entry.getKey()));
      } else {
        match.endpoints.add(entry.getKey());
      }
    }
    ExposedEndpoint wildcard = exposedEndpoints.get("");
    if (wildcard != null) {
      groups.add(new Group(wildcard, ""));
    }
    groups.forEach(group -> Collections.sort(group.endpoints));
    groups.sort((a, b) -> a.endpoints.get(0).compareTo(b.endpoints.get(0)));
    return groups;
  }

  private static boolean sameRule(ExposedEndpoint a, ExposedEndpoint b) {
    return sortedCopy(a.exposeToSpaces()).equals(sortedCopy(b.exposeToSpaces()))
        && sortedCopy(a.exposeToCidrs()).equals(sortedCopy(b.exposeToCidrs()));
  }

  private static List<String> sortedCopy(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  private static final class Group {
    final ExposedEndpoint rule;
    final List<String> endpoints = new ArrayList<>();

    Group(ExposedEndpoint rule, String endpoint) {
      this.rule = rule;
      endpoints.add(endpoint);
    }
  }
}
