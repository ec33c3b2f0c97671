package dev.bosun.charm.spi;

import java.util.Map;

/**
 * A hook's changes to one relation's bags. Values of {@code null} delete the key.
 *
 * @param unitData changes to the unit's own bag
 * @param applicationData changes to the application's bag (only a leader may make them; the runtime
 *     re-checks leadership at commit)
 */
public record RelationChanges(Map<String, String> unitData, Map<String, String> applicationData) {}
