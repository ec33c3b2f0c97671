package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code provides}, {@code requires} and {@code peers} as Juju's {@code ifaceExpander} does,
 * and checks them as {@code Meta.Check} does.
 *
 * <p>An endpoint is an interface name ({@code db: mysql}) or {@code {interface, limit, scope,
 * optional}} with the defaults no limit, {@code global}, not optional. The checks: {@code charm %q
 * using a reserved relation name: %q} (except a subordinate's container-scoped requirer), {@code
 * charm %q relation %q using a reserved interface: %q} (providers and peers), {@code charm %q using
 * a duplicated relation name: %q} (across the three sections, checked in that order) and {@code
 * subordinate charm %q lacks "requires" relation with container scope}.
 */
final class EndpointsReader {
  private static final Set<String> ENDPOINT_KEYS =
      Set.of("interface", "limit", "scope", "optional");

  private final MetadataContext context;
  private final Map<String, Endpoint> provides = new LinkedHashMap<>();
  private final Map<String, Endpoint> requires = new LinkedHashMap<>();
  private final Map<String, Endpoint> peers = new LinkedHashMap<>();
  private final Map<String, YamlNode> keys = new HashMap<>();
  private final Map<String, YamlNode> interfaces = new HashMap<>();

  EndpointsReader(MetadataContext context) {
    this.context = context;
  }

  Map<String, Endpoint> provides() {
    return provides;
  }

  Map<String, Endpoint> requires() {
    return requires;
  }

  Map<String, Endpoint> peers() {
    return peers;
  }

  /** Returns the names of every endpoint read. */
  Set<String> names() {
    Set<String> names = new HashSet<>(provides.keySet());
    names.addAll(requires.keySet());
    names.addAll(peers.keySet());
    return names;
  }

  /** Reads the three sections of the document. */
  void read(YamlMapping root) {
    section(root, "provides", Role.PROVIDER, provides);
    section(root, "requires", Role.REQUIRER, requires);
    section(root, "peers", Role.PEER, peers);
  }

  private void section(YamlMapping root, String section, Role role, Map<String, Endpoint> into) {
    YamlNode node = root.get(section).orElse(null);
    YamlMapping map = node == null ? null : context.schema.stringMap(node, section);
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (SchemaChecker.isStringKey(entry)) {
        String name = entry.key().text();
        Endpoint endpoint = endpoint(name, role, entry.value(), path(section, name));
        if (endpoint != null) {
          into.put(name, endpoint);
          keys.put(role + "/" + name, entry.key());
        }
      }
    }
  }

  private Endpoint endpoint(String name, Role role, YamlNode value, String path) {
    SchemaChecker schema = context.schema;
    if (value instanceof YamlScalar scalar && scalar.value() instanceof String interfaceName) {
      interfaces.put(role + "/" + name, value);
      return new Endpoint(name, role, interfaceName, Scope.GLOBAL, 0, false);
    }
    YamlMapping map = schema.stringMap(value, path);
    if (map == null) {
      return null;
    }
    YamlNode interfaceNode = map.get("interface").orElse(SchemaChecker.nothingAt(map));
    String interfaceName = schema.string(interfaceNode, path(path, "interface"));
    interfaces.put(role + "/" + name, interfaceNode);
    boolean valid = interfaceName != null;
    int limit = 0;
    YamlNode limitNode = map.get("limit").orElse(null);
    if (limitNode != null && !limitNode.isNull()) {
      Long parsed = integerOrNull(limitNode);
      if (parsed == null || parsed > Integer.MAX_VALUE) {
        schema.unexpected(limitNode, path(path, "limit"));
        valid = false;
      } else if (parsed < 0) {
        context.warning(
            limitNode.location(),
            MetadataContext.PREFIX
                + path(path, "limit")
                + ": negative limit "
                + parsed
                + " means no limit, as 0 does");
      } else {
        limit = parsed.intValue();
      }
    }
    Scope scope = Scope.GLOBAL;
    YamlNode scopeNode = map.get("scope").orElse(null);
    if (scopeNode != null) {
      String text = schema.oneOf(scopeNode, path(path, "scope"), "global", "container");
      valid &= text != null;
      scope = text == null ? scope : Scope.fromJujuName(text);
    }
    boolean optional = false;
    YamlNode optionalNode = map.get("optional").orElse(null);
    if (optionalNode != null) {
      Boolean flag = schema.bool(optionalNode, path(path, "optional"));
      valid &= flag != null;
      optional = Boolean.TRUE.equals(flag);
    }
    context.warnUnknown(map, path, ENDPOINT_KEYS);
    return valid ? new Endpoint(name, role, interfaceName, scope, limit, optional) : null;
  }

  private static Long integerOrNull(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.value() instanceof Long number) {
        return number;
      }
      if (scalar.value() instanceof String text) {
        return GoStrconv.parseIntAnyBase(text);
      }
    }
    return null;
  }

  /** Juju's relation checks: reserved names and interfaces, duplicated names. */
  void check(boolean subordinate) {
    Set<String> names = new HashSet<>();
    check(provides, Role.PROVIDER, subordinate, names);
    check(requires, Role.REQUIRER, subordinate, names);
    check(peers, Role.PEER, subordinate, names);
  }

  private void check(
      Map<String, Endpoint> section, Role role, boolean subordinate, Set<String> names) {
    String charmName = context.charmName();
    for (Endpoint endpoint : section.values()) {
      YamlNode key = keys.get(role + "/" + endpoint.name());
      String name = GoFormat.quote(endpoint.name());
      boolean exempt = subordinate && role == Role.REQUIRER && endpoint.scope() == Scope.CONTAINER;
      if (!exempt && ReservedNames.reason(charmName, endpoint.name()) != null) {
        context.error(key.location(), context.charm() + " using a reserved relation name: " + name);
      }
      if (role != Role.REQUIRER
          && ReservedNames.reason(charmName, endpoint.interfaceName()) != null) {
        context.error(
            interfaces.get(role + "/" + endpoint.name()).location(),
            context.charm()
                + " relation "
                + name
                + " using a reserved interface: "
                + GoFormat.quote(endpoint.interfaceName()));
      }
      if (!names.add(endpoint.name())) {
        context.error(
            key.location(), context.charm() + " using a duplicated relation name: " + name);
      }
    }
  }

  /** Juju's rule that a subordinate needs a container-scoped requirer to attach to a principal. */
  void checkSubordinate(YamlMapping root, boolean subordinate) {
    if (subordinate && requires.values().stream().noneMatch(e -> e.scope() == Scope.CONTAINER)) {
      context.error(
          root.entry("subordinate").orElseThrow().key().location(),
          "subordinate " + context.charm() + " lacks \"requires\" relation with container scope");
    }
  }
}
