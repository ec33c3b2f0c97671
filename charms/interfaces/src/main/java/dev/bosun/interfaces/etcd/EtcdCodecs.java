package dev.bosun.interfaces.etcd;

import dev.bosun.charm.relation.WireCodec;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The etcd interface's codecs; every value is raw text, as the original interface wrote it. */
final class EtcdCodecs {
  static final String CONNECTION_STRING = "connection_string";
  static final String CLIENT_CA = "client_ca";
  static final String VERSION = "version";
  static final String DB_INGRESS_ADDRESS = "db-ingress-address";
  static final String MEMBER_NAME = "member-name";
  static final String PEER_URL = "peer-url";
  static final String CLIENT_URL = "client-url";

  private EtcdCodecs() {}

  private static String present(Map<String, String> data, String key) {
    String value = data.get(key);
    return value == null || value.isEmpty() ? null : value;
  }

  private static <T> T checked(String key, Supplier<T> construct) {
    try {
      return construct.get();
    } catch (InvalidInterfaceDataException e) {
      String where = e.field();
      return rethrow(where, e);
    }
  }

  private static <T> T rethrow(String key, InvalidInterfaceDataException e) {
    throw new WireFormatException(key, "relation data key \"" + key + "\": " + e.problem(), e);
  }

  private static Set<String> keySet(String... keys) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
  }

  /** {@code connection_string}, {@code client_ca}, {@code version}; ignores client_cert/key. */
  static final class Connection implements WireCodec<EtcdConnection> {
    private static final Set<String> KEYS = keySet(CONNECTION_STRING, CLIENT_CA, VERSION);

    @Override
    public Class<EtcdConnection> type() {
      return EtcdConnection.class;
    }

    @Override
    public Set<String> keys() {
      return KEYS;
    }

    @Override
    public Map<String, String> encode(EtcdConnection value) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put(CONNECTION_STRING, value.connectionString());
      data.put(CLIENT_CA, value.clientCa());
      data.put(VERSION, value.version().orElse(""));
      return data;
    }

    @Override
    public Optional<EtcdConnection> decode(Map<String, String> data) {
      String connection = present(data, CONNECTION_STRING);
      String ca = present(data, CLIENT_CA);
      if (connection == null || ca == null) {
        return Optional.empty();
      }
      List<String> endpoints = new ArrayList<>();
      for (String endpoint : connection.split(",")) {
        if (!endpoint.isBlank()) {
          endpoints.add(endpoint.strip());
        }
      }
      Optional<String> version = Optional.ofNullable(present(data, VERSION)).map(String::strip);
      return Optional.of(
          checked(CONNECTION_STRING, () -> new EtcdConnection(endpoints, ca, version)));
    }
  }

  /** No keys at all: the consumer publishes nothing. */
  static final class Client implements WireCodec<EtcdClient> {
    @Override
    public Class<EtcdClient> type() {
      return EtcdClient.class;
    }

    @Override
    public Set<String> keys() {
      return Set.of();
    }

    @Override
    public Map<String, String> encode(EtcdClient value) {
      return Map.of();
    }

    /** Always present: there is nothing to wait for. */
    @Override
    public Optional<EtcdClient> decode(Map<String, String> data) {
      return Optional.of(EtcdClient.INSTANCE);
    }
  }

  /** {@code member-name}, {@code peer-url}, {@code db-ingress-address}, {@code client-url}. */
  static final class Peer implements WireCodec<EtcdPeer> {
    private static final Set<String> KEYS =
        keySet(MEMBER_NAME, PEER_URL, DB_INGRESS_ADDRESS, CLIENT_URL);

    @Override
    public Class<EtcdPeer> type() {
      return EtcdPeer.class;
    }

    @Override
    public Set<String> keys() {
      return KEYS;
    }

    @Override
    public Map<String, String> encode(EtcdPeer value) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put(MEMBER_NAME, value.memberName());
      data.put(PEER_URL, value.peerUrl());
      data.put(DB_INGRESS_ADDRESS, value.dbIngressAddress().orElse(""));
      data.put(CLIENT_URL, value.clientUrl().orElse(""));
      return data;
    }

    /**
     * Empty until {@code member-name} and {@code peer-url} are both present (an original etcd unit,
     * which publishes only {@code db-ingress-address}, never decodes).
     */
    @Override
    public Optional<EtcdPeer> decode(Map<String, String> data) {
      String name = present(data, MEMBER_NAME);
      String peerUrl = present(data, PEER_URL);
      if (name == null || peerUrl == null) {
        return Optional.empty();
      }
      Optional<String> address = Optional.ofNullable(present(data, DB_INGRESS_ADDRESS));
      Optional<String> clientUrl = Optional.ofNullable(present(data, CLIENT_URL));
      return Optional.of(
          checked(MEMBER_NAME, () -> new EtcdPeer(name, peerUrl, address, clientUrl)));
    }
  }
}
