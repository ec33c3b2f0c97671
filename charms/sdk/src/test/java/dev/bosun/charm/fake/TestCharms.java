package dev.bosun.charm.fake;

import dev.bosun.charm.Charm;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmMetaReader;
import dev.bosun.model.charm.CharmSource;
import java.util.Map;

/** Charm metadata and definitions shared by the SDK's tests. */
public final class TestCharms {
  private TestCharms() {}

  /** An etcd-like charm: a provider, a requirer, a peer endpoint, options, actions, a resource. */
  public static final CharmMeta ETCD =
      CharmMetaReader.read(
          CharmSource.of(
                  "etcd",
                  """
                  name: etcd
                  summary: a key-value store
                  description: etcd for tests
                  provides:
                    db: etcd
                  requires:
                    certificates: tls-certificates
                  peers:
                    cluster: etcd-peer
                  resources:
                    snapshot:
                      type: file
                      filename: snapshot.db
                  """)
              .withConfig(
                  """
                  options:
                    port:
                      type: int
                      default: 2379
                    bind_to_all_interfaces:
                      type: boolean
                      default: true
                    heartbeat_interval:
                      type: float
                      default: 100.0
                    channel:
                      type: string
                      default: "3.4/stable"
                    token:
                      type: string
                      description: no default
                    password:
                      type: secret
                  """)
              .withActions(
                  """
                  snapshot:
                    description: take a snapshot
                    params:
                      keys-version:
                        type: string
                        default: v3
                  """));

  /** Returns a definition of the etcd-like charm that runs the given code for every hook. */
  public static CharmDefinition etcd(Charm charm) {
    return new CharmDefinition(ETCD, () -> charm, CharmFiles.of("etcd", Map.of()));
  }

  /** Returns a definition with templates. */
  public static CharmDefinition etcd(Charm charm, Map<String, String> files) {
    return new CharmDefinition(ETCD, () -> charm, CharmFiles.of("etcd", files));
  }
}
