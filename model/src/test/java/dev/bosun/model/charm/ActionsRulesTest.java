package dev.bosun.model.charm;

import static dev.bosun.model.charm.CharmProblems.VALID_HEAD;
import static dev.bosun.model.charm.CharmProblems.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@code actions.yaml}, with Juju's messages and the schema Juju stores. */
class ActionsRulesTest {

  private static CharmSource withActions(String actions) {
    return CharmSource.of("c", VALID_HEAD).withActions(actions);
  }

  private static Map<String, ActionSpec> actions(String actions) {
    return CharmMetaReader.read(withActions(actions)).actions();
  }

  @Test
  void buildsTheSchemaJujuStores() {
    ActionSpec snapshot =
        actions(
                "snapshot:\n"
                    + "  description: Take a snapshot of the database.\n"
                    + "  params:\n"
                    + "    outfile:\n"
                    + "      description: The file to write out to.\n"
                    + "      type: string\n"
                    + "  required: [outfile]\n"
                    + "  additionalProperties: false\n"
                    + "  parallel: true\n"
                    + "  execution-group: db\n")
            .get("snapshot");

    assertThat(snapshot.description()).isEqualTo("Take a snapshot of the database.");
    assertThat(snapshot.parallel()).isTrue();
    assertThat(snapshot.executionGroup()).isEqualTo("db");
    assertThat(snapshot.schema())
        .isEqualTo(
            Map.of(
                "type",
                "object",
                "title",
                "snapshot",
                "description",
                "Take a snapshot of the database.",
                "properties",
                Map.of(
                    "outfile",
                    Map.of("description", "The file to write out to.", "type", "string")),
                "required",
                List.of("outfile"),
                "additionalProperties",
                false));
    assertThat(snapshot.schema().keySet()).startsWith("type", "title", "description", "properties");
  }

  @Test
  void defaultsTheDescriptionAndParameters() {
    Map<String, ActionSpec> actions = actions("snapshot:\nrestart:\n  description: Restart.\n");

    assertThat(actions.get("snapshot").description()).isEqualTo("No description");
    assertThat(actions.get("snapshot").schema())
        .isEqualTo(
            Map.of(
                "type", "object",
                "title", "snapshot",
                "description", "No description",
                "properties", Map.of()));
    assertThat(actions.get("restart").schema()).containsEntry("properties", Map.of());
  }

  @Test
  void readsAnEmptyFileAsNoActions() {
    assertThat(actions("")).isEmpty();
  }

  @Test
  void copiesOtherKeysIntoTheSchema() {
    ActionSpec action =
        actions("snapshot:\n  params: {}\n  definitions:\n    diskdevice: {}\n").get("snapshot");

    assertThat(action.schema()).containsEntry("definitions", Map.of("diskdevice", Map.of()));
  }

  @Test
  void rejectsBadActionNames() {
    assertThat(errors(withActions("-snapshot:\nsnapshot-:\nSnapshot:\nsnap_shot:\n9lives:\n")))
        .containsExactly(
            "c/actions.yaml:1:1: bad action name -snapshot",
            "c/actions.yaml:2:1: bad action name snapshot-",
            "c/actions.yaml:3:1: bad action name Snapshot",
            "c/actions.yaml:4:1: bad action name snap_shot");
  }

  @Test
  void rejectsReservedActionNames() {
    assertThat(errors(withActions("juju:\njuju-run:\n")))
        .containsExactly(
            "c/actions.yaml:1:1: cannot use action name juju: \"juju\" is a reserved name",
            "c/actions.yaml:2:1: cannot use action name juju-run: the \"juju-\" prefix is reserved");
    assertThat(
            CharmMetaReader.read(
                    CharmSource.of("c", "name: juju-qa\nsummary: s\ndescription: d\n")
                        .withActions("juju-run:\n"))
                .actions())
        .containsKey("juju-run");
  }

  @Test
  void rejectsReferencesAndSchemaDeclarationsAtAnyDepth() {
    assertThat(
            errors(
                withActions(
                    "snapshot:\n"
                        + "  params:\n"
                        + "    $schema: \"http://json-schema.org/draft-03/schema#\"\n"
                        + "    outfile: {$ref: \"#/definitions/x\"}\n")))
        .containsExactly(
            "c/actions.yaml:3:5: schema key \"$schema\" not compatible with this version of juju",
            "c/actions.yaml:4:15: schema key \"$ref\" not compatible with this version of juju");
  }

  @Test
  void rejectsKeysOfTheWrongType() {
    assertThat(
            errors(
                withActions(
                    "snapshot:\n"
                        + "  description: [\"Take a snapshot.\"]\n"
                        + "  required: outfile\n"
                        + "  parallel: sometimes\n"
                        + "  execution-group: 3\n"
                        + "  title: {a: b}\n")))
        .containsExactly(
            "c/actions.yaml:2:16: value for schema key \"description\" must be a string",
            "c/actions.yaml:3:13: value for schema key \"required\" must be a YAML list",
            "c/actions.yaml:4:13: value for schema key \"parallel\" must be a bool",
            "c/actions.yaml:5:20: value for schema key \"execution-group\" must be a string",
            "c/actions.yaml:6:10: value for schema key \"title\" must be a string");
  }

  @Test
  void requiresParamsToBeAMap() {
    assertThat(errors(withActions("a:\n  params:\nb:\n  params: [x, y]\n")))
        .containsExactly(
            "c/actions.yaml:2:10: params failed to parse as a map",
            "c/actions.yaml:4:11: params failed to parse as a map");
  }

  @Test
  void rejectsKeysThatAreNotStrings() {
    assertThat(errors(withActions("a:\n  params:\n    yes: {type: string}\n    2: {}\n")))
        .containsExactly(
            "c/actions.yaml:3:5: map keyed with non-string value",
            "c/actions.yaml:4:5: map keyed with non-string value");
  }

  @Test
  void rejectsAnActionThatIsNotAMap() {
    assertThat(errors(withActions("a: restart everything\n")))
        .containsExactly(
            "c/actions.yaml:1:4: cannot unmarshal !!str `restart everything` into"
                + " map[string]interface {}");
  }

  @Test
  void rejectsSchemasThatAreNotValidJsonSchema() {
    assertThat(
            errors(
                withActions(
                    "snapshot:\n"
                        + "  params:\n"
                        + "    a: {type: strin}\n"
                        + "    b: {type: integer, minimum: one}\n"
                        + "    c: {type: string, pattern: \"([\"}\n"
                        + "    d: {type: string, minLength: -1}\n"
                        + "    e: [x]\n"
                        + "  definitions:\n"
                        + "    diskdevice: [\"a\"]\n"
                        + "  required: [a, a]\n")))
        .containsExactly(
            "c/actions.yaml:3:15: invalid params schema for action schema snapshot:"
                + " properties.a.type \"strin\" is not a valid type",
            "c/actions.yaml:4:33: invalid params schema for action schema snapshot:"
                + " properties.b.minimum must be of type number",
            "c/actions.yaml:5:32: invalid params schema for action schema snapshot:"
                + " properties.c.pattern is an invalid regex pattern '(['",
            "c/actions.yaml:6:34: invalid params schema for action schema snapshot:"
                + " properties.d.minLength must be greater than or equal to 0",
            "c/actions.yaml:7:8: invalid params schema for action schema snapshot:"
                + " properties.e must be of type schema",
            "c/actions.yaml:9:17: invalid params schema for action schema snapshot:"
                + " definitions.diskdevice must be of type schema",
            "c/actions.yaml:10:17: invalid params schema for action schema snapshot:"
                + " required items must be unique");
  }
}
