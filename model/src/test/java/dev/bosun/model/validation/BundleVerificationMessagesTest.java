package dev.bosun.model.validation;

import static dev.bosun.model.bundle.TestCharms.testCharm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.Problem;
import dev.bosun.model.bundle.BundleException;
import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.TestCharms;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verification message of Juju's bundle checks (juju-semantics §1.5) and of relation
 * resolution (§3), each triggered by a small bundle, asserting the exact message and its {@code
 * file:line:column}. Each case lists every error the bundle produces, sorted by location.
 */
class BundleVerificationMessagesTest {

  record Case(String name, String yaml, CharmRepository charms, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final CharmRepository TEST =
      CharmRepository.of(
          testCharm("test", "prova:a provb:b | reqa:a reqb:b"), testCharm("test-sub", ""));

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "invalid bundle type",
            """
            bundle: foo
            applications:
              etcd:
                charm: etcd
            """,
            CharmRepository.NONE,
            List.of("b.yaml:1:9: bundle has an invalid type \"foo\"")),
        new Case(
            "machines in a Kubernetes bundle",
            """
            bundle: kubernetes
            machines:
              "0": {}
            applications:
              etcd:
                charm: etcd
            """,
            CharmRepository.NONE,
            List.of("b.yaml:2:1: bundle machines not valid for Kubernetes bundles")),
        new Case(
            "invalid default series",
            """
            series: "Bad Series"
            applications:
              etcd:
                charm: etcd
            """,
            CharmRepository.NONE,
            List.of("b.yaml:1:9: bundle declares an invalid series \"Bad Series\"")),
        new Case(
            "invalid default base",
            """
            default-base: invalidbase
            applications:
              etcd:
                charm: etcd
            """,
            CharmRepository.NONE,
            List.of("b.yaml:1:15: bundle declares an invalid base \"invalidbase\"")),
        new Case(
            "consumed offers",
            """
            saas:
              riak:
                url: production:admin/info.riak
              apache2:
                url: '!some-bogus/url'
              Bad_Name:
                url: admin/info.x
            applications:
              riak:
                charm: riak
            relations:
            - [riak, apache2]
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:2:3: application \"riak\" already exists with SAAS \"riak\" name",
                "b.yaml:2:3: cross-model relations (saas) are not supported yet: remove the saas"
                    + " section and the relations that use its entries",
                "b.yaml:5:10: invalid offer URL \"!some-bogus/url\" for SAAS apache2",
                "b.yaml:6:3: invalid SAAS name \"Bad_Name\" found",
                "b.yaml:9:3: SAAS \"riak\" already exists with application \"riak\" name",
                "b.yaml:12:4: ambiguous relation \"riak\" refers to a application and a SAAS in"
                    + " this bundle")),
        new Case(
            "machines",
            """
            machines:
              0:
                constraints: bad constraints
                series: "bad series"
                base: bad base
              bogus:
              3:
            applications:
              etcd:
                charm: etcd
                num_units: 1
                to: [0]
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:3:18: invalid constraints \"bad constraints\" in machine \"0\":"
                    + " malformed constraint \"bad\"",
                "b.yaml:4:13: invalid series \"bad series\" for machine \"0\"",
                "b.yaml:5:11: invalid base \"bad base\" for machine \"0\"",
                "b.yaml:6:3: invalid machine id \"bogus\" found in machines",
                "b.yaml:6:3: machine \"bogus\" is not referred to by a placement directive",
                "b.yaml:7:3: machine \"3\" is not referred to by a placement directive")),
        new Case(
            "application charms, revisions, series and bases",
            """
            applications:
              undefined:
              nocharm:
                num_units: 1
              mediawiki:
                charm: "bogus:precise/mediawiki-10"
              wordpress:
                charm: wordpress-9
              pinned:
                charm: etcd
                revision: 5
              negative:
                charm: etcd
                channel: stable
                revision: -5
              mismatch:
                charm: cs:xenial/mysql
                series: bionic
              badseries:
                charm: etcd
                series: "Bad"
                base: nope
              Capital:
                charm: etcd
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:2:3: bundle application for key \"undefined\" is undefined",
                "b.yaml:3:3: empty charm path",
                "b.yaml:6:12: invalid charm URL in application \"mediawiki\": cannot parse URL"
                    + " \"bogus:precise/mediawiki-10\": schema \"bogus\" not valid",
                "b.yaml:8:12: cannot specify revision in \"ch:wordpress-9\", please use revision",
                "b.yaml:11:15: application \"pinned\" with a revision requires a channel for future"
                    + " upgrades, please use channel",
                "b.yaml:15:15: the revision for application \"negative\" must be zero or greater",
                "b.yaml:17:12: the charm URL for application \"mismatch\" has a series which does not"
                    + " match, please remove the series from the URL",
                "b.yaml:21:13: application \"badseries\" declares an invalid series \"Bad\"",
                "b.yaml:22:11: application \"badseries\" declares an invalid base \"nope\"",
                "b.yaml:23:3: invalid application name \"Capital\"")),
        new Case(
            "application units, constraints, storage, devices and resources",
            """
            applications:
              ceph:
                charm: ceph
                num_units: -4
                constraints: bad constraints
                storage:
                  valid-storage: 3,10G
                  no_underscores: 123
                  invalid-storage: bad storage constraints
                devices:
                  bad_name: 1,nvidia.com/gpu
                  gpu: 0,nvidia.com/gpu
                resources:
                  "": 42
                  foo:
                    not: int
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:4:16: negative number of units specified on application \"ceph\"",
                "b.yaml:5:18: invalid constraints \"bad constraints\" in application \"ceph\":"
                    + " malformed constraint \"bad\"",
                "b.yaml:8:7: invalid storage name \"no_underscores\" in application \"ceph\"",
                "b.yaml:9:24: invalid storage \"invalid-storage\" in application \"ceph\":"
                    + " unrecognized storage constraint \"bad storage constraints\"",
                "b.yaml:11:7: invalid device name \"bad_name\" in application \"ceph\"",
                "b.yaml:12:12: invalid device \"gpu\" in application \"ceph\": count must be"
                    + " greater than zero, got \"0\"",
                "b.yaml:14:7: missing resource name on application \"ceph\"",
                "b.yaml:16:9: resource revision \"ceph\" is not int or string")),
        new Case(
            "expose rules",
            """
            applications:
              aws:
                charm: aws-integrator
                num_units: 1
                expose: true
            ---
            applications:
              aws:
                exposed-endpoints:
                  admin:
                    expose-to-cidrs:
                    - 13.37.0.0/16
              other:
                charm: other
                exposed-endpoints:
                  admin:
                    expose-to-cidrs:
                    - not-a-cidr
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:9:5: exposed-endpoints cannot be specified together with \"exposed:true\" in"
                    + " application \"aws\" as this poses a security risk when deploying bundles to"
                    + " older controllers",
                "b.yaml:18:11: invalid CIDR \"not-a-cidr\" for expose to CIDRs field for endpoint"
                    + " \"admin\" in application \"other\"")),
        new Case(
            "overlay-only keys in the base bundle",
            """
            applications:
              aws:
                charm: aws
                offers:
                  my-offer:
                    endpoints:
                    - db
                exposed-endpoints:
                  admin:
                    expose-to-spaces:
                    - alpha
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:4:5: applications.aws.offers can only appear in an overlay section",
                "b.yaml:6:9: applications.aws.offers.my-offer.endpoints can only appear in an overlay"
                    + " section",
                "b.yaml:8:5: applications.aws.exposed-endpoints can only appear in an overlay section",
                "b.yaml:10:9: applications.aws.exposed-endpoints.admin.expose-to-spaces can only"
                    + " appear in an overlay section")),
        new Case(
            "offer names in an overlay",
            """
            applications:
              aws:
                charm: aws
                num_units: 1
            ---
            applications:
              aws:
                offers:
                  $bad-name:
                    endpoints:
                    - "nope!"
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:9:7: invalid offer name \"$bad-name\" in application \"aws\"",
                "b.yaml:11:11: invalid endpoint name \"nope!\" for offer \"$bad-name\" in"
                    + " application \"aws\"")),
        new Case(
            "image-id constraint in the base bundle",
            """
            machines:
              "0":
                constraints: image-id=ami-123
            applications:
              etcd:
                charm: etcd
                num_units: 1
                to: ["0"]
                constraints: image-id=ami-456 mem=4G
              easyrsa:
                charm: easyrsa
            ---
            applications:
              easyrsa:
                constraints: image-id=ami-789
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:3:18: invalid constraints \"image-id=ami-123\" in machine \"0\": 'image-id'"
                    + " constraint in a base bundle not supported",
                "b.yaml:9:18: invalid constraints \"image-id=ami-456 mem=4G\" in application"
                    + " \"etcd\": 'image-id' constraint in a base bundle not supported")),
        new Case(
            "no application",
            """
            description: nothing to deploy
            """,
            CharmRepository.NONE,
            List.of("b.yaml:1:1: at least one application must be specified")),
        new Case(
            "placement",
            """
            machines:
              "0": {}
            applications:
              mediawiki:
                charm: mediawiki
                num_units: 1
              mysql:
                charm: mysql
                num_units: 2
                to: [0, mediawiki/3, nowhere/3, 2, "bad placement", new/2]
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:10:5: too many units specified in unit placement for application"
                    + " \"mysql\"",
                "b.yaml:10:13: placement \"mediawiki/3\" specifies a unit greater than the 1 unit(s)"
                    + " started by the target application",
                "b.yaml:10:26: placement \"nowhere/3\" refers to an application not defined in this"
                    + " bundle",
                "b.yaml:10:37: placement \"2\" refers to a machine not defined in this bundle",
                "b.yaml:10:40: invalid placement syntax \"bad placement\"",
                "b.yaml:10:57: invalid placement syntax \"new/2\"")),
        new Case(
            "Kubernetes scale and placement",
            """
            bundle: kubernetes
            applications:
              mariadb:
                charm: mariadb-k8s
                scale: 2
                num_units: 2
              cassandra:
                charm: cassandra-k8s
                to: ["foo=bar", "foo=baz"]
              hadoop:
                charm: hadoop-k8s
                placement: foo
              redis:
                charm: redis-k8s
                placement: foo=bar
                to: [foo=bar]
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:5:5: cannot specify both scale and num_units for application \"mariadb\"",
                "b.yaml:9:5: too many placement directives for application \"cassandra\"",
                "b.yaml:12:16: expected \"key=value\", got \"foo\" for application \"hadoop\"",
                "b.yaml:15:5: cannot specify both placement and to for application \"redis\"")),
        new Case(
            "placement in a machine bundle",
            """
            applications:
              mariadb:
                charm: mariadb
                placement: foo=bar
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:4:5: placement (foo=bar) not valid for non-Kubernetes application"
                    + " \"mariadb\"")),
        new Case(
            "relations without charms",
            """
            applications:
              mediawiki:
                charm: mediawiki
              mysql:
                charm: mysql
            relations:
            - ["mediawiki:db", "mysql:db"]
            - ["arble:bar"]
            - ["arble:bar", "mediawiki:db"]
            - ["mysql:foo", "mysql:bar"]
            - ["mysql:db", "mediawiki:db"]
            - ["mediawiki/db", "mysql:db"]
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:8:3: relation [\"arble:bar\"] has 1 endpoint(s), not 2",
                "b.yaml:9:4: relation [\"arble:bar\" \"mediawiki:db\"] refers to application"
                    + " \"arble\" not defined in this bundle",
                "b.yaml:10:3: relation [\"mysql:foo\" \"mysql:bar\"] relates an application to"
                    + " itself",
                "b.yaml:11:3: relation [\"mysql:db\" \"mediawiki:db\"] is defined more than once",
                "b.yaml:12:4: invalid relation syntax \"mediawiki/db\"")),
        new Case(
            "relations checked against charms",
            """
            applications:
              application1:
                charm: test
              application2:
                charm: test
            relations:
            - ["application1:prova", "application2:blah"]
            - ["application1:prova", "application2:prova"]
            - ["application1:reqa", "application2:reqa"]
            - ["application1:reqa", "application2:provb"]
            - [application1, application2]
            """,
            TEST,
            List.of(
                "b.yaml:7:26: charm \"test\" used by application \"application2\" does not define"
                    + " relation \"blah\"",
                "b.yaml:8:3: relation \"application1:prova\" to \"application2:prova\" relates"
                    + " provider to provider",
                "b.yaml:9:3: relation \"application1:reqa\" to \"application2:reqa\" relates"
                    + " requirer to requirer",
                "b.yaml:10:3: mismatched interface between \"application2:provb\" and"
                    + " \"application1:reqa\" (\"b\" vs \"a\")",
                "b.yaml:11:3: cannot infer endpoint between application1 and application2:"
                    + " ambiguous relation: \"application1 application2\" could refer to"
                    + " \"application1:reqa application2:prova\";"
                    + " \"application1:reqb application2:provb\";"
                    + " \"application2:reqa application1:prova\";"
                    + " \"application2:reqb application1:provb\"")),
        new Case(
            "duplicate relation after inference and a relation that cannot be inferred",
            """
            applications:
              etcd:
                charm: etcd
              easyrsa:
                charm: easyrsa
              kubernetes-worker:
                charm: kubernetes-worker
            relations:
            - [etcd:certificates, easyrsa:client]
            - [easyrsa, etcd]
            - [etcd, kubernetes-worker]
            """,
            TestCharms.kubernetes(),
            List.of(
                "b.yaml:10:3: relation [\"easyrsa\" \"etcd\"] is defined more than once",
                "b.yaml:11:3: cannot infer endpoint between etcd and kubernetes-worker: no"
                    + " relations found")),
        new Case(
            "options, bindings and subordinates checked against charms",
            """
            applications:
              application1:
                charm: test
                options:
                  title: 123
                  skill-level: too much
                  unknown-option: 2345
                bindings:
                  "": alpha
                  prova: beta
                  nope: gamma
              testsub:
                charm: test-sub
                num_units: 1
                to: [0]
            machines:
              "0": {}
            """,
            TEST,
            List.of(
                "b.yaml:5:14: cannot validate application \"application1\": option \"title\""
                    + " expected string, got 123",
                "b.yaml:6:20: cannot validate application \"application1\": option \"skill-level\""
                    + " expected int, got \"too much\"",
                "b.yaml:7:7: cannot validate application \"application1\": configuration option"
                    + " \"unknown-option\" not found in charm \"test\"",
                "b.yaml:11:7: application \"application1\" wants to bind endpoint \"nope\" to space"
                    + " \"gamma\", but the endpoint is not defined by the charm",
                "b.yaml:14:16: application \"testsub\" is subordinate but has non-zero num_units",
                "b.yaml:15:5: application \"testsub\" is subordinate but specifies unit"
                    + " placement")),
        new Case(
            "container scope and relation limits",
            """
            applications:
              agent:
                charm: agent
              etcd:
                charm: etcd
              server:
                charm: server
              one:
                charm: client
              two:
                charm: client
            relations:
            - [agent:host, etcd:juju-info]
            - [one, server]
            - [two, server]
            """,
            CharmRepository.of(
                CharmMeta.builder("agent")
                    .requires(TestCharms.container("host", Role.REQUIRER, "juju-info"))
                    .build(),
                TestCharms.kubernetesCharm("etcd"),
                CharmMeta.builder("server")
                    .provides(new Endpoint("db", Role.PROVIDER, "sql", Scope.GLOBAL, 1, false))
                    .build(),
                testCharm("client", "| db:sql")),
            List.of(
                "b.yaml:13:3: cannot add relation \"agent:host etcd:juju-info\": container scoped"
                    + " relation requires at least one subordinate application",
                "b.yaml:15:3: establishing a new relation for server:db would exceed its maximum"
                    + " relation limit of 1")),
        new Case(
            "legacy services together with applications",
            """
            services:
              etcd:
                charm: etcd
            applications:
              easyrsa:
                charm: easyrsa
            """,
            CharmRepository.NONE,
            List.of("b.yaml:1:1: cannot specify both applications and services")),
        new Case(
            "legacy services in an overlay",
            """
            applications:
              easyrsa:
                charm: easyrsa
            ---
            services:
              etcd:
                charm: etcd
            """,
            CharmRepository.NONE,
            List.of(
                "b.yaml:5:1: bundle overlay file used deprecated 'services' key, this is not valid"
                    + " for bundle overlay files")),
        new Case(
            "empty input",
            "",
            CharmRepository.NONE,
            List.of("b.yaml:1:1: malformed bundle: bundle is empty not valid")),
        new Case(
            "input with only comments",
            "# nothing here\n",
            CharmRepository.NONE,
            List.of("b.yaml:1:1: malformed bundle: bundle is empty not valid")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsJujusMessageAtItsLocation(Case example) {
    BundleReader reader = BundleReader.builder().charms(example.charms()).build();
    List<String> errors;
    try {
      reader.read(example.yaml(), "b.yaml", Path.of("."));
      errors = List.of();
    } catch (BundleException e) {
      errors = e.errors().stream().map(Problem::toString).toList();
    }
    assertThat(errors).containsExactlyElementsOf(example.errors());
  }
}
