package dev.bosun.interfaces.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.TestPems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EtcdConnectionTest {
  private static final String CA = TestPems.certificate(1);

  private static Gen<String> endpoints() {
    Gen<String> ipv4 =
        integers()
            .between(0, 255)
            .zip(integers().between(1, 65535), (a, port) -> EtcdUrls.https("10.0.0." + a, port));
    Gen<String> ipv6 = integers().between(1, 999).map(a -> EtcdUrls.https("fd00::" + a, 2379));
    return Generate.oneOf(ipv4, ipv6);
  }

  @Test
  void writesTheOriginalKeysWithoutAnyCredentials() {
    EtcdConnection connection =
        EtcdConnection.of(List.of("https://10.0.0.2:2379", "https://10.0.0.1:2379"), CA, "3.5.16");

    Map<String, String> wire = EtcdInterface.CONNECTION_CODEC.encode(connection);

    assertThat(wire)
        .containsOnlyKeys("connection_string", "client_ca", "version")
        .containsEntry("connection_string", "https://10.0.0.1:2379,https://10.0.0.2:2379")
        .containsEntry("client_ca", CA)
        .containsEntry("version", "3.5.16");
  }

  @Test
  void sortsEndpointsAndDropsRepeats() {
    qt().withExamples(200)
        .forAll(lists().of(endpoints()).ofSizeBetween(1, 6))
        .checkAssert(
            urls -> {
              List<String> shuffled = new ArrayList<>(urls);
              shuffled.addAll(urls);
              Collections.shuffle(shuffled);
              EtcdConnection connection = EtcdConnection.of(shuffled, CA, null);
              List<String> expected = new ArrayList<>(new java.util.TreeSet<>(urls));

              assertThat(connection.endpoints()).isEqualTo(expected);
              assertThat(connection.connectionString()).isEqualTo(String.join(",", expected));
            });
  }

  @Test
  void roundTrips() {
    qt().withExamples(200)
        .forAll(
            lists().of(endpoints()).ofSizeBetween(1, 6),
            Generate.pick(
                List.of(Optional.<String>empty(), Optional.of("3.4.22"), Optional.of("3.5.16"))))
        .checkAssert(
            (urls, version) -> {
              EtcdConnection connection = new EtcdConnection(urls, CA, version);
              Map<String, String> bag =
                  new HashMap<>(EtcdInterface.CONNECTION_CODEC.encode(connection));
              bag.values().removeIf(String::isEmpty);

              assertThat(EtcdInterface.CONNECTION_CODEC.decode(bag)).contains(connection);
            });
  }

  @Test
  void readsAnOriginalProviderAndIgnoresItsClientKey() {
    String key = TestPems.privateKey(7);
    Map<String, String> original =
        Map.of(
            "connection_string",
            "https://10.0.0.1:2379,https://10.0.0.2:2379",
            "client_ca",
            CA,
            "client_cert",
            TestPems.certificate(2),
            "client_key",
            key,
            "version",
            "3.4.22");

    EtcdConnection connection = EtcdInterface.CONNECTION_CODEC.decode(original).orElseThrow();

    assertThat(connection.endpoints())
        .containsExactly("https://10.0.0.1:2379", "https://10.0.0.2:2379");
    assertThat(connection.version()).contains("3.4.22");
    assertThat(connection.toString()).doesNotContain(TestPems.body(key).substring(0, 30));
  }

  @Test
  void isAbsentUntilConnectionStringAndCaArePublished() {
    assertThat(EtcdInterface.CONNECTION_CODEC.decode(Map.of("client_ca", CA))).isEmpty();
    assertThat(EtcdInterface.CONNECTION_CODEC.decode(Map.of("connection_string", "https://a:1")))
        .isEmpty();
  }

  @Test
  void rejectsEndpointsThatAreNotEtcdUrls() {
    assertThatThrownBy(
            () ->
                EtcdInterface.CONNECTION_CODEC.decode(
                    Map.of("connection_string", "10.0.0.1:2379", "client_ca", CA)))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "relation data key \"connection_string\": \"10.0.0.1:2379\" is not an etcd URL such"
                + " as \"https://10.0.0.1:2379\" or \"https://[fd00::1]:2379\" (scheme http or"
                + " https, host, port, no path)");
    assertThatThrownBy(() -> EtcdConnection.of(List.of(), CA, null))
        .isInstanceOf(InvalidInterfaceDataException.class)
        .hasMessage("connection_string: the connection string needs at least one endpoint");
    assertThatThrownBy(() -> EtcdConnection.of(List.of("https://a:1/path"), CA, null))
        .hasMessageContaining("no path");
  }

  @Test
  void refusesAPrivateKeyAsClientCa() {
    String key = TestPems.privateKey(3);

    assertThatThrownBy(() -> EtcdConnection.of(List.of("https://a:1"), key, null))
        .isInstanceOf(InvalidInterfaceDataException.class)
        .hasMessageStartingWith("client_ca: holds a PRIVATE KEY block")
        .hasMessageNotContaining(TestPems.body(key).substring(0, 30));
  }

  @Test
  void checksTheCaAgainstTheConsumersOwnCa() {
    EtcdConnection connection = EtcdConnection.of(List.of("https://a:1"), CA, null);

    assertThat(connection.trusts(CA.replace("\n", "\r\n"))).isTrue();
    assertThat(connection.trusts(TestPems.certificate(2))).isFalse();
  }

  @Test
  void bracketsIpv6Addresses() {
    assertThat(EtcdUrls.https("fd00::1", 2379)).isEqualTo("https://[fd00::1]:2379");
    assertThat(EtcdUrls.https("10.0.0.1", 2380)).isEqualTo("https://10.0.0.1:2380");
    assertThat(EtcdUrls.https("etcd-0.example", 2379)).isEqualTo("https://etcd-0.example:2379");
    assertThatThrownBy(() -> EtcdUrls.https("a", 0)).hasMessage("port 0 is outside 1..65535");
  }
}
