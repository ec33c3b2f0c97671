package dev.bosun.charms.easyrsa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charms.easyrsa.pki.KeySpec;
import dev.bosun.charms.easyrsa.pki.RequesterKey;
import dev.bosun.interfaces.tls.TlsCertificates;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequirerData;
import dev.bosun.interfaces.tls.UnitCertificates;
import dev.bosun.testing.CharmContext;
import dev.bosun.testing.Events;
import dev.bosun.testing.RelationState;
import dev.bosun.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader's {@code client-relation-joined} signs the joining unit's requests only; the {@code
 * client-relation-changed} that follows signs everyone's.
 */
class JoinedHookSigningTest {
  @TempDir Path machine;

  @Test
  void aJoinedHookSignsOnlyTheJoiningUnitsRequestsAndTheChangedHookTheRest() {
    RelationState client =
        RelationState.builder("client", "requester")
            .remoteUnit("requester/0", request("requester_0", "127.0.0.10"))
            .remoteUnit("requester/1", request("requester_1", "127.0.0.11"))
            .build();
    CharmContext ctx =
        CharmContext.fromClasspath("charms/easyrsa").withUnit("easyrsa/0").withMachineRoot(machine);
    State before =
        State.builder().leader(true).config("key-type", "ecdsa").relation(client).build();

    State joined = ctx.run(Events.relationJoined(client, "requester/1"), before);

    assertThat(certificates(joined, "requester_1").serverCertificate()).isPresent();
    assertThat(certificates(joined, "requester_0").serverCertificate()).isEmpty();

    State changed = ctx.run(Events.relationChanged(client, "requester/1"), joined);

    assertThat(certificates(changed, "requester_0").serverCertificate()).isPresent();
    assertThat(certificates(changed, "requester_1").serverCertificate())
        .isEqualTo(certificates(joined, "requester_1").serverCertificate());
  }

  private static Map<String, String> request(String wireName, String address) {
    RequesterKey key = RequesterKey.generate(KeySpec.ECDSA_P256);
    return TlsCertificates.REQUIRER_CODEC.encode(
        TlsRequirerData.builder(wireName)
            .topLevel(
                address, List.of(address), wireName, key.createCsr(address, List.of(address)).pem())
            .build());
  }

  private static UnitCertificates certificates(State state, String wireName) {
    TlsProviderData published =
        TlsCertificates.PROVIDER_CODEC
            .decode(state.relation("client").localUnitData())
            .orElseThrow();
    return UnitCertificates.of(wireName, Map.of("easyrsa/0", published)).orElseThrow();
  }
}
