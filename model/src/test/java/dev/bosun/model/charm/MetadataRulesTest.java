package dev.bosun.model.charm;

import static dev.bosun.model.charm.CharmProblems.VALID_HEAD;
import static dev.bosun.model.charm.CharmProblems.errors;
import static dev.bosun.model.charm.CharmProblems.metadataErrors;
import static dev.bosun.model.charm.CharmProblems.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of {@code metadata.yaml}, each with Juju's message and the problem's position. */
class MetadataRulesTest {

  private static CharmMeta read(String metadata) {
    return CharmMetaReader.read(CharmSource.of("c", metadata));
  }

  @Nested
  class Schema {
    @Test
    void requiresNameSummaryAndDescription() {
      assertThat(metadataErrors("name: a\n"))
          .containsExactly(
              "c/metadata.yaml:1:1: metadata: summary: expected string, got nothing",
              "c/metadata.yaml:1:1: metadata: description: expected string, got nothing");
    }

    @Test
    void reportsEveryRequiredKeyOfAnEmptyFile() {
      assertThat(metadataErrors(""))
          .containsExactlyInAnyOrder(
              "c/metadata.yaml:1:1: metadata: name: expected string, got nothing",
              "c/metadata.yaml:1:1: metadata: summary: expected string, got nothing",
              "c/metadata.yaml:1:1: metadata: description: expected string, got nothing");
    }

    @Test
    void rejectsValuesOfTheWrongTypeWithGoTypeAndValue() {
      assertThat(metadataErrors("name: 42\nsummary: true\ndescription: [x]\n"))
          .containsExactly(
              "c/metadata.yaml:1:7: metadata: name: expected string, got int(42)",
              "c/metadata.yaml:2:10: metadata: summary: expected string, got bool(true)",
              "c/metadata.yaml:3:14: metadata: description: expected string, got"
                  + " []interface {}([]interface {}{\"x\"})");
    }

    @Test
    void rejectsAnEmptySectionAsJujuDoes() {
      assertThat(metadataErrors(VALID_HEAD + "provides:\ntags:\n"))
          .containsExactly(
              "c/metadata.yaml:4:10: metadata: provides: expected map, got nothing",
              "c/metadata.yaml:5:6: metadata: tags: expected list, got nothing");
    }

    @Test
    void rejectsANonBooleanSubordinateFlag() {
      assertThat(metadataErrors(VALID_HEAD + "subordinate: maybe\n"))
          .containsExactly(
              "c/metadata.yaml:4:14: metadata: subordinate: expected bool, got string(\"maybe\")");
    }

    @Test
    void warnsAboutUnknownKeysAndKeepsReading() {
      CharmSource source = CharmSource.of("c", VALID_HEAD + "maintainer: x\ncolour: blue\n");

      assertThat(warnings(source))
          .containsExactly(
              "c/metadata.yaml:5:1: warning: metadata: unknown key \"colour\" ignored");
    }

    @Test
    void warnsAboutObsoleteKeys() {
      assertThat(warnings(CharmSource.of("c", VALID_HEAD + "revision: 3\n")))
          .containsExactly(
              "c/metadata.yaml:4:1: warning: metadata: \"revision\" is obsolete and ignored");
    }

    @Test
    void mergesCategoriesIntoTags() {
      CharmMeta meta = read(VALID_HEAD + "tags: [db, k8s]\ncategories: [k8s, misc]\n");

      assertThat(meta.tags()).containsExactly("db", "k8s", "misc");
    }
  }

  @Nested
  class Endpoints {
    @Test
    void expandsABareInterfaceWithJujuDefaults() {
      CharmMeta meta = read(VALID_HEAD + "provides:\n  db: mysql\n");

      assertThat(meta.provides())
          .containsExactly(
              java.util.Map.entry(
                  "db", new Endpoint("db", Role.PROVIDER, "mysql", Scope.GLOBAL, 0, false)));
    }

    @Test
    void readsEveryEndpointField() {
      CharmMeta meta =
          read(
              VALID_HEAD
                  + "requires:\n"
                  + "  cache:\n"
                  + "    interface: varnish\n"
                  + "    limit: 2\n"
                  + "    optional: true\n"
                  + "    scope: container\n"
                  + "  db:\n"
                  + "    interface: mysql\n"
                  + "    limit:\n");

      assertThat(meta.requires().values())
          .containsExactly(
              new Endpoint("cache", Role.REQUIRER, "varnish", Scope.CONTAINER, 2, true),
              new Endpoint("db", Role.REQUIRER, "mysql", Scope.GLOBAL, 0, false));
    }

    @Test
    void rejectsMalformedEndpoints() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "provides:\n"
                      + "  a: 42\n"
                      + "  b: {}\n"
                      + "  c: {interface: x, scope: foo}\n"
                      + "  d: {interface: x, limit: none}\n"
                      + "  e: {interface: x, optional: }\n"))
          .containsExactly(
              "c/metadata.yaml:5:6: metadata: provides.a: expected map, got int(42)",
              "c/metadata.yaml:6:6: metadata: provides.b.interface: expected string, got nothing",
              "c/metadata.yaml:7:28: metadata: provides.c.scope: unexpected value \"foo\"",
              "c/metadata.yaml:8:28: metadata: provides.d.limit: unexpected value \"none\"",
              "c/metadata.yaml:9:30: metadata: provides.e.optional: expected bool, got nothing");
    }

    @Test
    void warnsAboutUnknownEndpointKeys() {
      CharmSource source =
          CharmSource.of(
              "c", VALID_HEAD + "provides:\n  db:\n    interface: x\n    scop: container\n");

      assertThat(warnings(source))
          .containsExactly(
              "c/metadata.yaml:7:5: warning: metadata: provides.db: unknown key \"scop\" ignored");
    }

    @Test
    void rejectsReservedRelationNamesInEverySection() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "provides:\n  juju: blob\n"
                      + "requires:\n  juju-crackle: blub\n"
                      + "peers:\n  juju-info: x\n"))
          .containsExactly(
              "c/metadata.yaml:5:3: charm \"a\" using a reserved relation name: \"juju\"",
              "c/metadata.yaml:7:3: charm \"a\" using a reserved relation name: \"juju-crackle\"",
              "c/metadata.yaml:9:3: charm \"a\" using a reserved relation name: \"juju-info\"");
    }

    @Test
    void allowsASubordinatesContainerScopedRequirerToUseAReservedName() {
      CharmMeta meta =
          read(
              VALID_HEAD
                  + "subordinate: true\n"
                  + "requires:\n"
                  + "  juju-info:\n"
                  + "    interface: juju-info\n"
                  + "    scope: container\n");

      assertThat(meta.requires()).containsKey("juju-info");
      assertThat(meta.subordinate()).isTrue();
    }

    @Test
    void doesNotExemptAGloballyScopedRequirerOfASubordinate() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "subordinate: true\n"
                      + "requires:\n"
                      + "  host: {interface: juju-info, scope: container}\n"
                      + "  juju-x: foo\n"))
          .containsExactly(
              "c/metadata.yaml:7:3: charm \"a\" using a reserved relation name: \"juju-x\"");
    }

    @Test
    void allowsReservedNamesInACharmNamedJujuSomething() {
      CharmMeta meta =
          read("name: juju-gui\nsummary: b\ndescription: c\nprovides:\n  juju-api: juju-info\n");

      assertThat(meta.provides()).containsKey("juju-api");
    }

    @Test
    void rejectsAReservedInterfaceForProvidersAndPeersOnly() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "provides:\n  info: juju-info\n"
                      + "requires:\n  host: juju-info\n"
                      + "peers:\n  ring:\n    interface: juju\n"))
          .containsExactly(
              "c/metadata.yaml:5:9: charm \"a\" relation \"info\" using a reserved interface:"
                  + " \"juju-info\"",
              "c/metadata.yaml:10:16: charm \"a\" relation \"ring\" using a reserved interface:"
                  + " \"juju\"");
    }

    @Test
    void rejectsARelationNameUsedInTwoSections() {
      assertThat(metadataErrors(VALID_HEAD + "peers:\n  foo: ping\nprovides:\n  foo: pong\n"))
          .containsExactly(
              "c/metadata.yaml:5:3: charm \"a\" using a duplicated relation name: \"foo\"");
    }

    @Test
    void rejectsASubordinateWithoutAContainerScopedRequirer() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "subordinate: true\n"
                      + "requires:\n  db: mysql\n"
                      + "provides:\n  x: {interface: y, scope: container}\n"))
          .containsExactly(
              "c/metadata.yaml:4:1: subordinate charm \"a\" lacks \"requires\" relation with"
                  + " container scope");
    }

    @Test
    void keepsTheImplicitJujuInfoProviderAfterDeclaredEndpoints() {
      CharmMeta meta = read(VALID_HEAD + "provides:\n  db: mysql\npeers:\n  ring: riak\n");

      assertThat(meta.endpointsWithImplicit())
          .extracting(Endpoint::name)
          .containsExactly("db", "ring", "juju-info");
      assertThat(meta.endpoint("juju-info")).contains(Endpoint.IMPLICIT_JUJU_INFO);
    }
  }

  @Nested
  class Series {
    @Test
    void rejectsInvalidSeries() {
      assertThat(metadataErrors(VALID_HEAD + "series:\n  - jammy\n  - Ubuntu 22\n"))
          .containsExactly(
              "c/metadata.yaml:6:5: charm \"a\" declares invalid series: \"Ubuntu 22\"");
    }

    @Test
    void keepsValidSeries() {
      assertThat(read(VALID_HEAD + "series: [focal, jammy]\n").series())
          .containsExactly("focal", "jammy");
    }
  }

  @Nested
  class Storage {
    private String storage(String body) {
      return VALID_HEAD + "storage:\n  store-bad:\n" + body;
    }

    @Test
    void requiresAType() {
      assertThat(metadataErrors(storage("    description: x\n")))
          .containsExactly(
              "c/metadata.yaml:6:5: metadata: storage.store-bad.type: unexpected value <nil>");
    }

    @Test
    void rejectsMalformedRanges() {
      assertThat(
              metadataErrors(storage("    type: filesystem\n    multiple:\n      range: woat\n")))
          .containsExactly(
              "c/metadata.yaml:8:14: metadata: storage.store-bad.multiple.range: value \"woat\" does"
                  + " not match 'm', 'm-n', or 'm+'");
      assertThat(
              metadataErrors(storage("    type: filesystem\n    multiple:\n      range: 0-abc\n")))
          .containsExactly(
              "c/metadata.yaml:8:14: metadata: storage.store-bad.multiple.range: value \"0-abc\" does"
                  + " not match 'm', 'm-n', or 'm+'");
    }

    @Test
    void rejectsCountsBelowOne() {
      assertThat(metadataErrors(storage("    type: block\n    multiple:\n      range: -1\n")))
          .containsExactly(
              "c/metadata.yaml:8:14: metadata: storage.store-bad.multiple.range: invalid count -1");
      assertThat(metadataErrors(storage("    type: block\n    multiple:\n      range: 0\n")))
          .containsExactly(
              "c/metadata.yaml:8:14: metadata: storage.store-bad.multiple.range: invalid count 0");
    }

    @Test
    void readsEveryRangeForm() {
      for (String[] c :
          new String[][] {
            {"1", "1", "1"},
            {"0-1", "0", "1"},
            {"2-5", "2", "5"},
            {"1+", "1", "-1"},
            {"1-", "1", "-1"}
          }) {
        StorageMeta meta =
            read(VALID_HEAD
                    + "storage:\n  s:\n    type: filesystem\n    multiple:\n      range: "
                    + c[0]
                    + "\n")
                .storage()
                .get("s");

        assertThat(meta.countMin()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        assertThat(meta.countMax()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
      }
    }

    @Test
    void rejectsAnInvalidMinimumSize() {
      assertThat(metadataErrors(storage("    type: block\n    minimum-size: foo\n")))
          .containsExactly(
              "c/metadata.yaml:7:19: metadata: expected a non-negative number, got \"foo\"");
      assertThat(metadataErrors(storage("    type: block\n    minimum-size: 10Q\n")))
          .containsExactly(
              "c/metadata.yaml:7:19: metadata: invalid multiplier suffix \"Q\", expected one of"
                  + " MGTPEZY");
    }

    @Test
    void storesTheMinimumSizeInMebibytes() {
      for (String[] c :
          new String[][] {
            {"10", "10"},
            {"10M", "10"},
            {"1G", "1024"},
            {"1.5GB", "1536"},
            {"2TiB", "2097152"},
            {"1P", "1073741824"}
          }) {
        StorageMeta meta =
            read(VALID_HEAD
                    + "storage:\n  s:\n    type: block\n    minimum-size: \""
                    + c[0]
                    + "\"\n")
                .storage()
                .get("s");

        assertThat(meta.minimumSizeMib()).as(c[0]).isEqualTo(Long.parseLong(c[1]));
      }
    }

    @Test
    void acceptsOnlyTheTransientProperty() {
      assertThat(metadataErrors(storage("    type: block\n    properties: [transient, foo]\n")))
          .containsExactly(
              "c/metadata.yaml:7:29: metadata: storage.store-bad.properties[1]: unexpected value"
                  + " \"foo\"");
    }

    @Test
    void allowsALocationForFilesystemsOnly() {
      assertThat(metadataErrors(storage("    type: block\n    location: /dev/sdc\n")))
          .containsExactly(
              "c/metadata.yaml:7:15: charm \"a\" storage \"store-bad\": location may not be specified"
                  + " for \"type: block\"");
      assertThat(
              read(VALID_HEAD + "storage:\n  s:\n    type: filesystem\n    location: /srv\n")
                  .storage()
                  .get("s")
                  .location())
          .isEqualTo("/srv");
    }

    @Test
    void rejectsAZeroMaximumCount() {
      assertThat(metadataErrors(storage("    type: block\n    multiple:\n      range: 1-0\n")))
          .containsExactly(
              "c/metadata.yaml:5:3: charm \"a\" storage \"store-bad\": invalid maximum count 0");
    }
  }

  @Nested
  class Resources {
    @Test
    void defaultsTheTypeToFile() {
      CharmMeta meta =
          read(
              VALID_HEAD
                  + "resources:\n"
                  + "  tarball:\n    filename: x.tgz\n"
                  + "  image:\n    type: oci-image\n    description: An image\n");

      assertThat(meta.resources().values())
          .containsExactly(
              new ResourceMeta("tarball", "file", "x.tgz", ""),
              new ResourceMeta("image", "oci-image", null, "An image"));
    }

    @Test
    void rejectsUnknownTypesAndBadFilenames() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "resources:\n"
                      + "  a:\n    type: spam\n    filename: a\n"
                      + "  b:\n    type: file\n"
                      + "  c:\n    filename: dir/c.tgz\n"))
          .containsExactly(
              "c/metadata.yaml:6:11: unsupported resource type \"spam\"",
              "c/metadata.yaml:8:3: resource missing filename",
              "c/metadata.yaml:11:15: filename cannot contain \"/\" (got \"dir/c.tgz\")");
    }
  }

  @Nested
  class ExtraBindings {
    @Test
    void readsNames() {
      assertThat(read(VALID_HEAD + "extra-bindings:\n  admin:\n  public:\n").extraBindings())
          .containsExactlyInAnyOrder("admin", "public");
    }

    @Test
    void rejectsValuesEmptyNamesAndRelationNames() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "provides:\n  db: mysql\n"
                      + "extra-bindings:\n  foo: 42\n  \"\":\n  db:\n"))
          .containsExactly(
              "c/metadata.yaml:7:8: metadata: extra-bindings.foo: expected empty value, got int(42)",
              "c/metadata.yaml:8:3: metadata: extra-bindings: expected non-empty binding name, got"
                  + " string(\"\")",
              "c/metadata.yaml:9:3: charm \"a\" has invalid extra bindings: relation \"db\" cannot be"
                  + " used in extra bindings");
    }
  }

  @Nested
  class Formats {
    private static final String BASES = "bases:\n  - name: ubuntu\n    channel: \"22.04\"\n";

    @Test
    void rejectsMixingV1AndV2Keys() {
      assertThat(
              metadataErrors(
                  VALID_HEAD
                      + "series:\n  - focal\n"
                      + "containers:\n  foo:\n    resource: test-os\n"
                      + "resources:\n  test-os:\n    type: oci-image\n"))
          .contains(
              "c/metadata.yaml:4:1: ambiguous metadata: keys \"series\" cannot be used with"
                  + " \"containers\"");
    }

    @Test
    void rejectsV2KeysWithoutAManifest() {
      assertThat(metadataErrors(VALID_HEAD + "assumes:\n  - k8s-api\n"))
          .containsExactly("c/metadata.yaml:4:1: metadata v2 without manifest.yaml not valid");
    }

    @Test
    void readsAV2CharmWithAManifest() {
      CharmSource source =
          CharmSource.of(
                  "c",
                  VALID_HEAD
                      + "assumes:\n  - k8s-api\n  - any-of:\n    - juju >= 3.1\n    - juju < 2\n"
                      + "charm-user: non-root\n"
                      + "containers:\n  app:\n    resource: img\n    mounts:\n"
                      + "      - storage: data\n        location: /data\n"
                      + "resources:\n  img:\n    type: oci-image\n"
                      + "storage:\n  data:\n    type: filesystem\n")
              .withManifest(BASES);

      CharmMeta meta = CharmMetaReader.read(source);

      assertThat(meta.storage()).containsKey("data");
      assertThat(meta.resources().get("img").type()).isEqualTo("oci-image");
    }

    @Test
    void rejectsV1KeysInAV2Charm() {
      CharmSource source =
          CharmSource.of("c", VALID_HEAD + "series: [focal]\nmin-juju-version: 2.9.0\n")
              .withManifest(BASES);

      assertThat(errors(source))
          .containsExactly(
              "c/metadata.yaml:4:1: series slice in metadata v2 not valid",
              "c/metadata.yaml:5:1: min-juju-version in metadata v2 not valid");
    }

    @Test
    void rejectsV2KeysWhenTheManifestHasNoBases() {
      CharmSource source =
          CharmSource.of("c", VALID_HEAD + "assumes: [k8s-api]\n").withManifest("bases: []\n");

      assertThat(errors(source))
          .containsExactly("c/metadata.yaml:4:1: assumes in metadata v1 not valid");
    }

    @Test
    void validatesManifestBases() {
      CharmSource source =
          CharmSource.of("c", VALID_HEAD)
              .withManifest(
                  "bases:\n  - name: plan9\n    channel: \"4\"\n  - channel: \"22.04\"\n");

      assertThat(errors(source))
          .containsExactly(
              "c/manifest.yaml:2:5: manifest: os \"plan9\" not valid",
              "c/manifest.yaml:4:5: manifest: base without name not valid");
    }

    @Test
    void rejectsInvalidContainers() {
      CharmSource source =
          CharmSource.of(
                  "c",
                  VALID_HEAD
                      + "containers:\n"
                      + "  a:\n    resource: missing\n"
                      + "  b:\n    resource: file-res\n"
                      + "  c:\n    uid: 1000\n    mounts:\n      - location: /x\n"
                      + "resources:\n  file-res:\n    filename: f.tgz\n")
              .withManifest(BASES);

      assertThat(errors(source))
          .containsExactly(
              "c/metadata.yaml:6:15: parsing containers: referenced resource \"missing\" not found",
              "c/metadata.yaml:8:15: parsing containers: referenced resource \"file-res\" is not a"
                  + " oci-image",
              "c/metadata.yaml:10:10: parsing containers: container \"c\" has invalid uid 1000: uid"
                  + " cannot be in reserved range 1000-9999",
              "c/metadata.yaml:12:9: parsing containers: container \"c\": storage must be specified"
                  + " on mount");
    }

    @Test
    void rejectsAnUnknownCharmUser() {
      CharmSource source =
          CharmSource.of("c", VALID_HEAD + "charm-user: admin\n").withManifest(BASES);

      assertThat(errors(source))
          .containsExactly(
              "c/metadata.yaml:4:13: parsing charm-user: invalid charm-user \"admin\" expected one of"
                  + " root, sudoer or non-root");
    }

    @Test
    void rejectsMalformedAssumesExpressions() {
      CharmSource source =
          CharmSource.of("c", VALID_HEAD + "assumes:\n  - k8s-api\n  - juju >> 3\n")
              .withManifest(BASES);

      assertThat(errors(source))
          .containsExactly(
              "c/metadata.yaml:6:5: parsing expression 2 in top level \"assumes\" block: malformed"
                  + " feature expression \"juju >> 3\"");
    }

    @Test
    void rejectsAnInvalidMinJujuVersion() {
      assertThat(metadataErrors(VALID_HEAD + "min-juju-version: invalid-version\n"))
          .containsExactly(
              "c/metadata.yaml:4:19: invalid min-juju-version: invalid version \"invalid-version\"");
    }
  }

  @Test
  void rejectsDevicesWithoutATypeOrWithInvertedCounts() {
    assertThat(
            metadataErrors(
                VALID_HEAD
                    + "devices:\n"
                    + "  gpu:\n    type: nvidia.com/gpu\n    countmin: 2\n    countmax: 1\n"
                    + "  tpu:\n    countmin: 1\n"))
        .containsExactly(
            "c/metadata.yaml:5:3: charm \"a\" device \"gpu\": maximum count 1 can not be smaller"
                + " than minimum count 2",
            "c/metadata.yaml:10:5: metadata: devices.tpu.type: expected string, got nothing");
  }

  @Test
  void treatsANegativeLimitAsNoLimitWithAWarning() {
    CharmSource source =
        CharmSource.of("c", VALID_HEAD + "provides:\n  db: {interface: x, limit: -1}\n");

    assertThat(CharmMetaReader.read(source).provides().get("db").limit()).isZero();
    assertThat(warnings(source))
        .containsExactly(
            "c/metadata.yaml:5:29: warning: metadata: provides.db.limit: negative limit -1 means no"
                + " limit, as 0 does");
  }

  @Test
  void rejectsInvalidTerms() {
    assertThat(metadataErrors(VALID_HEAD + "terms: [\"term/1\", \"owner/foo_bar\", \"term/-1\"]\n"))
        .containsExactly(
            "c/metadata.yaml:4:19: wrong term name format \"foo_bar\"",
            "c/metadata.yaml:4:36: negative term revision");
  }

  @Test
  void reportsEveryProblemOfEveryFileInOneException() {
    CharmSource source =
        CharmSource.of(
                "charms/bad", "name: bad\nsummary: s\ndescription: d\nprovides:\n  juju: x\n")
            .withConfig("options:\n  port:\n    type: integer\n")
            .withActions("Snapshot:\n  description: x\n");

    CharmMetaException failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CharmMetaException.class, () -> CharmMetaReader.read(source));

    assertThat(failure.getMessage())
        .isEqualTo(
            String.join(
                "\n",
                List.of(
                    "charm \"charms/bad\" has the following errors:",
                    "charms/bad/metadata.yaml:5:3: charm \"bad\" using a reserved relation name:"
                        + " \"juju\"",
                    "charms/bad/config.yaml:3:11: invalid config: option \"port\" has unknown type"
                        + " \"integer\"",
                    "charms/bad/actions.yaml:1:1: bad action name Snapshot")));
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirPosition() {
    assertThat(metadataErrors("name: a\nsummary: [b\n"))
        .singleElement()
        .asString()
        .startsWith("c/metadata.yaml:3:1: YAML syntax error");
  }
}
