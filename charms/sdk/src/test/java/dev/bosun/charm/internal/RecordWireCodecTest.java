package dev.bosun.charm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.bosun.charm.relation.Wire;
import dev.bosun.charm.relation.WireCodec;
import dev.bosun.charm.relation.WireFormatException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RecordWireCodecTest {

  enum Mode {
    ON,
    OFF
  }

  record Nested(String name, int port) {}

  record Everything(
      String text,
      @Wire(value = "quoted-text", json = true) String quoted,
      Mode mode,
      @Wire(value = "mode-json", json = true) Mode modeJson,
      boolean flag,
      int small,
      long big,
      double real,
      float single,
      BigInteger huge,
      BigDecimal decimal,
      List<String> names,
      Set<Integer> ports,
      Map<String, Long> counts,
      Nested nested,
      List<Nested> nestedList,
      Optional<String> maybeText,
      Optional<Integer> maybeNumber,
      Optional<Nested> maybeNested,
      Optional<List<String>> maybeList,
      Optional<Boolean> maybeFlag) {}

  record Connection(
      @Wire("connection_string") String connectionString,
      int port,
      boolean tls,
      List<String> sans,
      Optional<String> version) {}

  record Validated(String name) {
    Validated {
      if (name.contains(" ")) {
        throw new IllegalArgumentException("name must not contain spaces");
      }
    }
  }

  record WithInstant(Instant at) {}

  record Clash(@Wire("k") String a, @Wire("k") String b) {}

  record Inner(Optional<String> x) {}

  record NestedOptional(Inner inner) {}

  private static final WireCodec<Connection> CONNECTION = WireCodec.of(Connection.class);

  @Test
  void decodesWhatItEncodesForEveryComponentType() {
    WireCodec<Everything> codec = WireCodec.of(Everything.class);
    qt().withExamples(300)
        .forAll(everything())
        .checkAssert(
            value -> {
              Map<String, String> data = codec.encode(value);
              assertThat(codec.decode(data)).contains(value);
            });
  }

  @Test
  void writesRequiredValuesAsNonEmptyTextAndAbsentOptionalsAsDeletions() {
    WireCodec<Everything> codec = WireCodec.of(Everything.class);
    qt().withExamples(100)
        .forAll(everything())
        .checkAssert(
            value -> {
              Map<String, String> data = codec.encode(value);
              assertThat(data.keySet()).isEqualTo(codec.keys());
              assertThat(data.get("maybeText").isEmpty()).isEqualTo(value.maybeText().isEmpty());
              assertThat(data.get("maybeNested").isEmpty())
                  .isEqualTo(value.maybeNested().isEmpty());
              codec.keys().stream()
                  .filter(k -> !k.startsWith("maybe"))
                  .forEach(k -> assertThat(data.get(k)).as(k).isNotEmpty());
            });
  }

  @Test
  void namesKeysByWireAnnotationOrComponentNameInComponentOrder() {
    assertThat(CONNECTION.keys())
        .containsExactly("connection_string", "port", "tls", "sans", "version");
    assertThat(CONNECTION.type()).isEqualTo(Connection.class);
  }

  @Test
  void writesStringsRawAndEverythingElseAsJson() {
    Map<String, String> data =
        CONNECTION.encode(
            new Connection(
                "https://10.0.0.1:2379", 2379, true, List.of("a", "b"), Optional.of("3.4.22")));

    assertThat(data)
        .containsExactly(
            Map.entry("connection_string", "https://10.0.0.1:2379"),
            Map.entry("port", "2379"),
            Map.entry("tls", "true"),
            Map.entry("sans", "[\"a\",\"b\"]"),
            Map.entry("version", "3.4.22"));
  }

  @Test
  void jsonEncodesStringsAndEnumsWhenAsked() {
    Everything value = sample();

    Map<String, String> data = WireCodec.of(Everything.class).encode(value);

    assertThat(data.get("quoted-text")).isEqualTo("\"flannel\"");
    assertThat(data.get("mode")).isEqualTo("ON");
    assertThat(data.get("mode-json")).isEqualTo("\"OFF\"");
  }

  @Test
  void writesSetsAndMapsInSortedOrderSoEqualValuesGiveEqualText() {
    Everything value = sample();
    Set<Integer> ports = new LinkedHashSet<>(List.of(443, 80, 8080));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("zeta", 1L);
    counts.put("alpha", 2L);
    Everything reordered =
        new Everything(
            value.text(),
            value.quoted(),
            value.mode(),
            value.modeJson(),
            value.flag(),
            value.small(),
            value.big(),
            value.real(),
            value.single(),
            value.huge(),
            value.decimal(),
            value.names(),
            ports,
            counts,
            value.nested(),
            value.nestedList(),
            value.maybeText(),
            value.maybeNumber(),
            value.maybeNested(),
            value.maybeList(),
            value.maybeFlag());

    Map<String, String> data = WireCodec.of(Everything.class).encode(reordered);

    assertThat(data.get("ports")).isEqualTo("[80,443,8080]");
    assertThat(data.get("counts")).isEqualTo("{\"alpha\":2,\"zeta\":1}");
    assertThat(data.get("nested")).isEqualTo("{\"name\":\"db\",\"port\":5432}");
  }

  @Test
  void decodingAnIncompleteBagGivesEmpty() {
    assertThat(CONNECTION.decode(Map.of("port", "2379", "tls", "true", "sans", "[]"))).isEmpty();
    assertThat(
            CONNECTION.decode(
                Map.of("connection_string", "", "port", "2379", "tls", "true", "sans", "[\"x\"]")))
        .isEmpty();
  }

  @Test
  void decodingIgnoresUnknownKeysAndReadsAbsentOptionalsAsEmpty() {
    Map<String, String> data = new HashMap<>();
    data.put("connection_string", "https://a:2379");
    data.put("port", "2379");
    data.put("tls", "false");
    data.put("sans", "[]");
    data.put("private-address", "10.0.0.1");

    assertThat(CONNECTION.decode(data))
        .contains(new Connection("https://a:2379", 2379, false, List.of(), Optional.empty()));
  }

  @Test
  void acceptsPythonBooleans() {
    Map<String, String> data =
        Map.of("connection_string", "x", "port", "1", "tls", "True", "sans", "[]");

    assertThat(CONNECTION.decode(data)).hasValueSatisfying(c -> assertThat(c.tls()).isTrue());
  }

  @Test
  void aValueThatDoesNotParseNamesTheKeyAndTheExpectedType() {
    Map<String, String> data =
        Map.of("connection_string", "x", "port", "abc", "tls", "true", "sans", "[]");

    assertThatThrownBy(() -> CONNECTION.decode(data))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("relation data key \"port\" (Connection.port): expected an int, got \"abc\"")
        .extracting(e -> ((WireFormatException) e).key())
        .isEqualTo("port");
  }

  @Test
  void rejectsFractionsForIntegersAndBadBooleansAndListsAndEnums() {
    Map<String, String> base = new HashMap<>(CONNECTION.encode(connection()));

    base.put("port", "2379.5");
    assertThatThrownBy(() -> CONNECTION.decode(base)).hasMessageContaining("expected an int");
    base.put("port", "2379");
    base.put("tls", "yes");
    assertThatThrownBy(() -> CONNECTION.decode(base))
        .hasMessage(
            "relation data key \"tls\" (Connection.tls): expected a boolean (true or false),"
                + " got \"yes\"");
    base.put("tls", "true");
    base.put("sans", "a,b");
    assertThatThrownBy(() -> CONNECTION.decode(base))
        .hasMessage(
            "relation data key \"sans\" (Connection.sans): expected a JSON array of String, got"
                + " \"a,b\"");

    Map<String, String> everything = new HashMap<>(WireCodec.of(Everything.class).encode(sample()));
    everything.put("mode", "MAYBE");
    assertThatThrownBy(() -> WireCodec.of(Everything.class).decode(everything))
        .hasMessage(
            "relation data key \"mode\" (Everything.mode): expected one of [ON, OFF], got"
                + " \"MAYBE\"");
  }

  @Test
  void aRecordThatRejectsTheValuesFailsWithItsMessage() {
    assertThatThrownBy(() -> WireCodec.of(Validated.class).decode(Map.of("name", "a b")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("relation data does not make a valid Validated: name must not contain spaces");
  }

  @Test
  void encodingRefusesNullAndEmptyRequiredValues() {
    assertThatThrownBy(
            () -> CONNECTION.encode(new Connection(null, 1, true, List.of(), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "component connectionString of Connection is null; make it Optional<...> if it may be"
                + " absent");
    assertThatThrownBy(
            () -> CONNECTION.encode(new Connection("", 1, true, List.of(), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is an empty string, which relation data cannot hold");
  }

  @Test
  void anEmptyOptionalStringIsWrittenAsADeletion() {
    Map<String, String> data =
        CONNECTION.encode(new Connection("x", 1, true, List.of(), Optional.of("")));

    assertThat(data.get("version")).isEmpty();
    assertThat(CONNECTION.decode(data)).hasValueSatisfying(c -> assertThat(c.version()).isEmpty());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void refusesTypesItCannotMap() {
    assertThatThrownBy(() -> WireCodec.of((Class) String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("java.lang.String is not a record; relation data maps records only");
    assertThatThrownBy(() -> WireCodec.of(WithInstant.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "cannot map component at of "
                + WithInstant.class.getName()
                + " to relation data: type java.time.Instant is not supported");
    assertThatThrownBy(() -> WireCodec.of(Clash.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "components a and b of "
                + Clash.class.getName()
                + " both map to the relation data key \"k\"");
    assertThatThrownBy(() -> WireCodec.of(NestedOptional.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Optional is not supported inside JSON values");
  }

  @Test
  void cachesOneCodecPerClass() {
    assertThat(WireCodec.of(Connection.class)).isSameAs(WireCodec.of(Connection.class));
  }

  private static Connection connection() {
    return new Connection("https://a:2379", 2379, true, List.of("a"), Optional.empty());
  }

  private static Everything sample() {
    return new Everything(
        "plain",
        "flannel",
        Mode.ON,
        Mode.OFF,
        true,
        53,
        1L << 40,
        0.5,
        1.5f,
        BigInteger.TEN.pow(30),
        new BigDecimal("12.50"),
        List.of("a"),
        Set.of(1),
        Map.of("a", 1L),
        new Nested("db", 5432),
        List.of(new Nested("x", 1)),
        Optional.of("maybe"),
        Optional.empty(),
        Optional.empty(),
        Optional.of(List.of()),
        Optional.of(false));
  }

  private static Gen<Everything> everything() {
    Gen<String> text = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 12);
    Gen<String> anyText = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 12);
    Gen<Integer> ints = integers().all();
    Gen<Long> allLongs = longs().all();
    Gen<Boolean> flags = booleans().all();
    Gen<Nested> nested = in -> new Nested(anyText.generate(in), ints.generate(in));
    Gen<List<String>> names = lists().of(anyText).ofSizeBetween(0, 4);
    Gen<Mode> modes = in -> flags.generate(in) ? Mode.ON : Mode.OFF;
    return in -> {
      Map<String, Long> counts = new HashMap<>();
      int entries = integers().between(0, 3).generate(in);
      for (int i = 0; i < entries; i++) {
        counts.put(anyText.generate(in), allLongs.generate(in));
      }
      return new Everything(
          text.generate(in),
          anyText.generate(in),
          modes.generate(in),
          modes.generate(in),
          flags.generate(in),
          ints.generate(in),
          allLongs.generate(in),
          doubles().any().generate(in),
          floats().any().generate(in),
          BigInteger.valueOf(allLongs.generate(in)).multiply(BigInteger.valueOf(ints.generate(in))),
          BigDecimal.valueOf(allLongs.generate(in), integers().between(-5, 10).generate(in)),
          names.generate(in),
          Set.copyOf(lists().of(ints).ofSizeBetween(0, 4).generate(in)),
          counts,
          nested.generate(in),
          lists().of(nested).ofSizeBetween(0, 3).generate(in),
          flags.generate(in) ? Optional.of(text.generate(in)) : Optional.empty(),
          flags.generate(in) ? Optional.of(ints.generate(in)) : Optional.empty(),
          flags.generate(in) ? Optional.of(nested.generate(in)) : Optional.empty(),
          flags.generate(in) ? Optional.of(names.generate(in)) : Optional.empty(),
          flags.generate(in) ? Optional.of(flags.generate(in)) : Optional.empty());
    };
  }
}
