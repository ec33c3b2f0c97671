package dev.bosun.model.internal.charm;

import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.ResourceMeta;
import dev.bosun.model.charm.StorageMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link MetadataReader} takes from {@code metadata.yaml}: the parts {@link
 * dev.bosun.model.charm.CharmMeta} holds. Collections keep declaration order.
 *
 * @param name the charm name
 * @param summary the summary
 * @param description the description
 * @param subordinate whether the charm is subordinate
 * @param provides provider endpoints by name
 * @param requires requirer endpoints by name
 * @param peers peer endpoints by name
 * @param extraBindings extra binding names
 * @param resources resources by name
 * @param storage storage by name
 * @param series series (metadata v1)
 * @param tags tags, then categories not already among them
 */
public record Metadata(
    String name,
    String summary,
    String description,
    boolean subordinate,
    Map<String, Endpoint> provides,
    Map<String, Endpoint> requires,
    Map<String, Endpoint> peers,
    Set<String> extraBindings,
    Map<String, ResourceMeta> resources,
    Map<String, StorageMeta> storage,
    List<String> series,
    List<String> tags) {}
