package dev.bosun.model.internal.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code manifest.yaml} as Juju's {@code ReadManifest} does: a {@code bases} list of {@code
 * {name, channel, architectures}}, each base validated ({@code base without name not valid}, {@code
 * os "x" not valid}, {@code channel not valid}, {@code architecture "x" not valid}).
 */
public final class ManifestReader {
  private static final Set<String> OPERATING_SYSTEMS =
      Set.of("ubuntu", "centos", "windows", "osx", "opensuse", "genericlinux");
  private static final Map<String, String> ARCHITECTURES =
      Map.ofEntries(
          Map.entry("amd64", "amd64"),
          Map.entry("x86_64", "amd64"),
          Map.entry("i386", "i386"),
          Map.entry("i686", "i386"),
          Map.entry("arm64", "arm64"),
          Map.entry("aarch64", "arm64"),
          Map.entry("ppc64el", "ppc64el"),
          Map.entry("ppc64le", "ppc64el"),
          Map.entry("s390x", "s390x"),
          Map.entry("riscv64", "riscv64"));

  private ManifestReader() {}

  /**
   * Reads a manifest document.
   *
   * @param document the parsed document (a null scalar when the file is empty)
   * @param problems where problems are added, each prefixed {@code manifest: }
   * @return the manifest, or null when it has errors
   */
  public static Manifest read(YamlNode document, List<Problem> problems) {
    int before = problems.size();
    SchemaChecker check = new SchemaChecker(problems, "manifest: ");
    if (document.isNull()) {
      check.error(document, "", "invalid base in manifest");
      return null;
    }
    YamlMapping root = check.fieldMap(document, "");
    if (root == null) {
      return null;
    }
    YamlNode basesNode = root.get("bases").orElse(SchemaChecker.nothingAt(root));
    SchemaChecker coerce = new SchemaChecker(problems, "manifest: coerce: ");
    YamlSequence bases = coerce.list(basesNode, "");
    if (bases == null) {
      return null;
    }
    List<Manifest.Base> result = new ArrayList<>();
    for (int i = 0; i < bases.items().size(); i++) {
      Manifest.Base base = base(bases.items().get(i), SchemaChecker.index("", i), coerce, check);
      if (base != null) {
        result.add(base);
      }
    }
    return problems.size() == before ? new Manifest(result) : null;
  }

  private static Manifest.Base base(
      YamlNode node, String path, SchemaChecker coerce, SchemaChecker check) {
    YamlMapping map = coerce.fieldMap(node, path);
    if (map == null) {
      return null;
    }
    String name =
        map.get("name").map(n -> coerce.string(n, SchemaChecker.path(path, "name"))).orElse("");
    String channel =
        map.get("channel")
            .map(n -> coerce.string(n, SchemaChecker.path(path, "channel")))
            .orElse("");
    List<String> architectures =
        map.get("architectures")
            .map(n -> coerce.stringList(n, SchemaChecker.path(path, "architectures")))
            .orElse(List.of());
    if (name == null || channel == null || architectures == null) {
      return null;
    }
    List<String> normalised = new ArrayList<>();
    for (String architecture : architectures) {
      normalised.add(
          ARCHITECTURES.getOrDefault(architecture.toLowerCase(Locale.ROOT), architecture));
    }
    String problem = null;
    if (name.isEmpty()) {
      problem = "base without name not valid";
    } else if (!OPERATING_SYSTEMS.contains(name)) {
      problem = "os " + GoFormat.quote(name) + " not valid";
    } else if (channel.isEmpty()) {
      problem = "channel not valid";
    } else {
      for (String architecture : normalised) {
        if (!ARCHITECTURES.containsValue(architecture)) {
          problem = "architecture " + GoFormat.quote(architecture) + " not valid";
          break;
        }
      }
    }
    if (problem != null) {
      check.error(node, "", problem);
      return null;
    }
    return new Manifest.Base(name, channel, normalised);
  }
}
