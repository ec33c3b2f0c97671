package dev.bosun.charm.spi;

import java.util.Map;

/**
 * An action being run.
 *
 * @param id the action id
 * @param name the action name
 * @param parameters the validated parameters with defaults inserted
 */
public record ActionInvocation(String id, String name, Map<String, Object> parameters) {}
