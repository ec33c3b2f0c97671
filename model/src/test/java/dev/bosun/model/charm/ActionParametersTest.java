package dev.bosun.model.charm;

import static dev.bosun.model.charm.CharmProblems.VALID_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of action parameters with JSON Schema, and insertion of defaults. */
class ActionParametersTest {

  private static final String ACTIONS =
      "create-pv:\n"
          + "  params:\n"
          + "    name: {type: string, minLength: 2}\n"
          + "    size: {type: integer, minimum: 1, maximum: 9}\n"
          + "    ratio: {type: number, minimum: 0, exclusiveMinimum: true}\n"
          + "    mode:\n"
          + "      type: string\n"
          + "      default: ReadWriteOnce\n"
          + "      enum: [ReadWriteOnce, ReadOnlyMany]\n"
          + "  required: [name, size]\n"
          + "  additionalProperties: false\n"
          + "open:\n"
          + "  params:\n"
          + "    port: {type: integer}\n"
          + "nested:\n"
          + "  params:\n"
          + "    val:\n"
          + "      type: object\n"
          + "      properties:\n"
          + "        foo: {type: string}\n"
          + "        bar:\n"
          + "          type: object\n"
          + "          properties:\n"
          + "            baz: {type: string, default: boz}\n"
          + "    obj:\n"
          + "      type: object\n"
          + "      default: {foo: bar, bar: {baz: woz}}\n"
          + "    none:\n"
          + "      type: object\n"
          + "      properties:\n"
          + "        x: {type: string}\n";

  private static final Map<String, ActionSpec> SPECS =
      CharmMetaReader.read(CharmSource.of("c", VALID_HEAD).withActions(ACTIONS)).actions();

  private static ActionParametersException failure(String action, Map<String, Object> params) {
    return catchThrowableOfType(
        ActionParametersException.class, () -> SPECS.get(action).validate(params));
  }

  @Test
  void reportsAMissingRequiredPropertyWithTheObjectGiven() {
    ActionParametersException failure = failure("create-pv", Map.of("size", 5));

    assertThat(failure.action()).isEqualTo("create-pv");
    assertThat(failure.getMessage())
        .isEqualTo(
            "validation failed: (root) : \"name\" property is missing and required, given"
                + " {\"size\":5}");
  }

  @Test
  void reportsATypeMismatch() {
    assertThat(failure("create-pv", Map.of("name", "pv", "size", "ten")).violations())
        .containsExactly("(root).size : must be of type integer, given \"ten\"");
  }

  @Test
  void reportsAValueOutsideTheEnumeration() {
    assertThat(failure("create-pv", Map.of("name", "pv", "size", 1, "mode", "Any")).violations())
        .containsExactly(
            "(root).mode : must match one of the enum values [\"ReadWriteOnce\",\"ReadOnlyMany\"],"
                + " given \"Any\"");
  }

  @Test
  void reportsBoundsWithTheirExclusiveness() {
    assertThat(failure("create-pv", Map.of("name", "pv", "size", 0, "ratio", 0.0)).violations())
        .containsExactly(
            "(root).ratio : must be greater than 0, given 0",
            "(root).size : must be greater than or equal to 1, given 0");
    assertThat(failure("create-pv", Map.of("name", "pv", "size", 10)).violations())
        .containsExactly("(root).size : must be lower than or equal to 9, given 10");
  }

  @Test
  void rejectsAdditionalPropertiesWhenTheSchemaForbidsThem() {
    assertThat(failure("create-pv", Map.of("name", "pv", "size", 2, "bogus", true)).violations())
        .containsExactly(
            "(root) : additional property \"bogus\" is not allowed, given"
                + " {\"bogus\":true,\"name\":\"pv\",\"size\":2}");
  }

  @Test
  void acceptsAdditionalPropertiesWhenTheSchemaAllowsThem() {
    assertThat(SPECS.get("open").validate(Map.of("port", 80, "extra", "x")))
        .containsEntry("extra", "x")
        .containsEntry("port", 80);
  }

  @Test
  void listsEveryViolationInAStableOrder() {
    Map<String, Object> params = new HashMap<>();
    params.put("name", "p");
    params.put("size", 2.5);
    params.put("zeta", 1);
    params.put("alpha", 1);

    ActionParametersException failure = failure("create-pv", params);

    assertThat(failure.getMessage())
        .isEqualTo(
            "validation failed: "
                + "(root) : additional property \"alpha\" is not allowed, given"
                + " {\"alpha\":1,\"name\":\"p\",\"size\":2.5,\"zeta\":1}; "
                + "(root) : additional property \"zeta\" is not allowed, given"
                + " {\"alpha\":1,\"name\":\"p\",\"size\":2.5,\"zeta\":1}; "
                + "(root).name : string length must be greater or equal to 2, given \"p\"; "
                + "(root).size : must be of type integer, given 2.5");
  }

  @Test
  void treatsAnIntegralFloatAsAnInteger() {
    assertThat(SPECS.get("create-pv").validate(Map.of("name", "pv", "size", 2.0)))
        .containsEntry("size", 2.0);
  }

  @Test
  void insertsDefaultsOfAbsentProperties() {
    assertThat(SPECS.get("create-pv").validate(Map.of("name", "pv", "size", 3)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("name", "pv", "size", 3, "mode", "ReadWriteOnce"));
  }

  @Test
  void keepsGivenValuesOverDefaults() {
    assertThat(
            SPECS
                .get("create-pv")
                .validate(Map.of("name", "pv", "size", 3, "mode", "ReadOnlyMany")))
        .containsEntry("mode", "ReadOnlyMany");
  }

  @Test
  void insertsNestedDefaultsAsJujuDoes() {
    assertThat(SPECS.get("nested").validate(null))
        .isEqualTo(
            Map.of(
                "val", Map.of("bar", Map.of("baz", "boz")),
                "obj", Map.of("foo", "bar", "bar", Map.of("baz", "woz"))));
  }

  @Test
  void interleavesDefaultsIntoGivenObjects() {
    Map<String, Object> params =
        Map.of("val", Map.of("foo", "bar", "bar", Map.of("faz", "foz")), "obj", 5);

    assertThatThrownBy(() -> SPECS.get("nested").validate(params))
        .isInstanceOf(ActionParametersException.class)
        .hasMessage("validation failed: (root).obj : must be of type object, given 5");
    Map<String, Object> valid = Map.of("val", Map.of("foo", "bar", "bar", Map.of("faz", "foz")));
    assertThat(SPECS.get("nested").validate(valid))
        .isEqualTo(
            Map.of(
                "val", Map.of("foo", "bar", "bar", Map.of("baz", "boz", "faz", "foz")),
                "obj", Map.of("foo", "bar", "bar", Map.of("baz", "woz"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void returnsAnUnmodifiableCopy() {
    Map<String, Object> result = SPECS.get("nested").validate(Map.of("val", Map.of()));

    assertThat(result).containsOnlyKeys("val", "obj");
    assertThatThrownBy(() -> ((Map<String, Object>) result.get("val")).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
