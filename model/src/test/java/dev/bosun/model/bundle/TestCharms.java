package dev.bosun.model.bundle;

import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Charm metadata built in Java for tests: the five Kubernetes charms as their {@code metadata.yaml}
 * and {@code config.yaml} in {@code charms/} declare them, and Juju's compact test charms ({@code
 * testCharm("test", "prova:a provb:b | reqa:a reqb:b")}).
 *
 * <p>Tests of the realistic bundles take a {@link CharmRepository}, so once the charm reader is
 * merged they can run against the real metadata as well ({@code CharmRepository} is the plug).
 */
public final class TestCharms {
  private TestCharms() {}

  /** The five Kubernetes charms, by name. */
  public static CharmRepository kubernetes() {
    return CharmRepository.of(easyrsa(), etcd(), flannel(), kubernetesMaster(), kubernetesWorker());
  }

  /** easyrsa: provides client (tls-certificates). */
  public static CharmMeta easyrsa() {
    return CharmMeta.builder("easyrsa")
        .provides(Endpoint.of("client", Role.PROVIDER, "tls-certificates"))
        .config(
            config(
                "key-type", OptionType.STRING,
                "key-size", OptionType.INT,
                "ca-validity-days", OptionType.INT,
                "certificate-validity-days", OptionType.INT))
        .build();
  }

  /** etcd: provides db (etcd) and more, requires certificates, peers cluster. */
  public static CharmMeta etcd() {
    return CharmMeta.builder("etcd")
        .provides(
            Endpoint.of("db", Role.PROVIDER, "etcd"),
            Endpoint.of("proxy", Role.PROVIDER, "etcd-proxy"),
            Endpoint.of("prometheus", Role.PROVIDER, "prometheus-manual"),
            Endpoint.of("grafana", Role.PROVIDER, "grafana-dashboard"),
            container("nrpe-external-master", Role.PROVIDER, "nrpe-external-master"))
        .requires(Endpoint.of("certificates", Role.REQUIRER, "tls-certificates"))
        .peers(Endpoint.of("cluster", Role.PEER, "etcd"))
        .config(
            config(
                "port", OptionType.INT,
                "management_port", OptionType.INT,
                "heartbeat_interval", OptionType.INT,
                "election_timeout", OptionType.INT,
                "snapshot_count", OptionType.STRING,
                "bind_to_all_interfaces", OptionType.BOOLEAN,
                "bind_with_insecure_http", OptionType.BOOLEAN,
                "tls_cipher_suites", OptionType.STRING))
        .build();
  }

  /** flannel: a subordinate on cni (container scope), requires etcd. */
  public static CharmMeta flannel() {
    return CharmMeta.builder("flannel")
        .subordinate(true)
        .requires(
            Endpoint.of("etcd", Role.REQUIRER, "etcd"),
            container("cni", Role.REQUIRER, "kubernetes-cni"))
        .provides(container("nrpe-external-master", Role.PROVIDER, "nrpe-external-master"))
        .config(
            config(
                "iface", OptionType.STRING,
                "cidr", OptionType.STRING,
                "port", OptionType.INT,
                "vni", OptionType.INT))
        .build();
  }

  /** kubernetes-master: the control plane. */
  public static CharmMeta kubernetesMaster() {
    return CharmMeta.builder("kubernetes-master")
        .peers(
            Endpoint.of("kube-masters", Role.PEER, "kube-masters"),
            Endpoint.of("coordinator", Role.PEER, "coordinator"))
        .provides(
            Endpoint.of("kube-api-endpoint", Role.PROVIDER, "http"),
            Endpoint.of("kube-control", Role.PROVIDER, "kube-control"),
            container("cni", Role.PROVIDER, "kubernetes-cni"),
            Endpoint.of("prometheus", Role.PROVIDER, "prometheus-manual"),
            Endpoint.of("grafana", Role.PROVIDER, "grafana-dashboard"),
            container("aws-iam", Role.PROVIDER, "aws-iam"),
            container("container-runtime", Role.PROVIDER, "container-runtime"),
            container("nrpe-external-master", Role.PROVIDER, "nrpe-external-master"))
        .requires(
            Endpoint.of("etcd", Role.REQUIRER, "etcd"),
            Endpoint.of("loadbalancer", Role.REQUIRER, "public-address"),
            Endpoint.of("loadbalancer-internal", Role.REQUIRER, "loadbalancer"),
            Endpoint.of("loadbalancer-external", Role.REQUIRER, "loadbalancer"),
            Endpoint.of("certificates", Role.REQUIRER, "tls-certificates"),
            Endpoint.of("ceph-storage", Role.REQUIRER, "ceph-admin"),
            Endpoint.of("ceph-client", Role.REQUIRER, "ceph-client"),
            Endpoint.of("aws", Role.REQUIRER, "aws-integration"),
            Endpoint.of("gcp", Role.REQUIRER, "gcp-integration"),
            Endpoint.of("openstack", Role.REQUIRER, "openstack-integration"),
            Endpoint.of("vsphere", Role.REQUIRER, "vsphere-integration"),
            Endpoint.of("azure", Role.REQUIRER, "azure-integration"),
            Endpoint.of("keystone-credentials", Role.REQUIRER, "keystone-credentials"),
            Endpoint.of("dns-provider", Role.REQUIRER, "kube-dns"),
            Endpoint.of("external-cloud-provider", Role.REQUIRER, "external_cloud_provider"),
            container("ha", Role.REQUIRER, "hacluster"),
            Endpoint.of("vault-kv", Role.REQUIRER, "vault-kv"))
        .config(
            config(
                "channel", OptionType.STRING,
                "service-cidr", OptionType.STRING,
                "dns-provider", OptionType.STRING,
                "dns_domain", OptionType.STRING,
                "authorization-mode", OptionType.STRING,
                "enable-metrics", OptionType.BOOLEAN,
                "api-extra-args", OptionType.STRING,
                "loadbalancer-ips", OptionType.STRING))
        .build();
  }

  /** kubernetes-worker: a node. */
  public static CharmMeta kubernetesWorker() {
    return CharmMeta.builder("kubernetes-worker")
        .peers(Endpoint.of("coordinator", Role.PEER, "coordinator"))
        .provides(
            container("cni", Role.PROVIDER, "kubernetes-cni"),
            Endpoint.of("ingress-proxy", Role.PROVIDER, "http"),
            container("container-runtime", Role.PROVIDER, "container-runtime"),
            container("nrpe-external-master", Role.PROVIDER, "nrpe-external-master"))
        .requires(
            Endpoint.of("kube-api-endpoint", Role.REQUIRER, "http"),
            Endpoint.of("kube-control", Role.REQUIRER, "kube-control"),
            Endpoint.of("certificates", Role.REQUIRER, "tls-certificates"),
            Endpoint.of("aws", Role.REQUIRER, "aws-integration"),
            Endpoint.of("gcp", Role.REQUIRER, "gcp-integration"),
            Endpoint.of("openstack", Role.REQUIRER, "openstack-integration"),
            Endpoint.of("vsphere", Role.REQUIRER, "vsphere-integration"),
            Endpoint.of("azure", Role.REQUIRER, "azure-integration"),
            Endpoint.of("nfs", Role.REQUIRER, "mount"))
        .config(
            config(
                "channel", OptionType.STRING,
                "ingress", OptionType.BOOLEAN,
                "require-manual-upgrade", OptionType.BOOLEAN,
                "labels", OptionType.STRING,
                "kubelet-extra-args", OptionType.STRING))
        .build();
  }

  /**
   * Juju's compact test charm: {@code "prova:a provb:b | reqa:a reqb:b"} declares providers before
   * the bar and requirers after it, each {@code name:interface}; a name ending in {@code -sub}
   * makes a subordinate. Options: {@code title} (string, default "My Title") and {@code
   * skill-level} (int).
   */
  public static CharmMeta testCharm(String name, String relations) {
    String[] parts = relations.split("\\|", -1);
    CharmMeta.Builder builder =
        CharmMeta.builder(name)
            .subordinate(name.endsWith("-sub"))
            .config(
                ConfigSchema.of(
                    Map.of(
                        "title",
                        new ConfigOption("title", OptionType.STRING, "title", "My Title"),
                        "skill-level",
                        new ConfigOption("skill-level", OptionType.INT, "skill", null))));
    for (String spec : parts[0].trim().split("\\s+")) {
      if (!spec.isEmpty()) {
        String[] pair = spec.split(":");
        builder.provides(Endpoint.of(pair[0], Role.PROVIDER, pair[1]));
      }
    }
    if (parts.length > 1) {
      for (String spec : parts[1].trim().split("\\s+")) {
        if (!spec.isEmpty()) {
          String[] pair = spec.split(":");
          builder.requires(Endpoint.of(pair[0], Role.REQUIRER, pair[1]));
        }
      }
    }
    return builder.build();
  }

  /** Returns a container-scoped endpoint with no limit. */
  public static Endpoint container(String name, Role role, String interfaceName) {
    return new Endpoint(name, role, interfaceName, Scope.CONTAINER, 0, false);
  }

  private static ConfigSchema config(Object... namesAndTypes) {
    Map<String, ConfigOption> options = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      String name = (String) namesAndTypes[i];
      options.put(name, new ConfigOption(name, (OptionType) namesAndTypes[i + 1], "", null));
    }
    return ConfigSchema.of(options);
  }
}
