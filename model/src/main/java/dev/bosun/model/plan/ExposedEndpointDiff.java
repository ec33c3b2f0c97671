package dev.bosun.model.plan;

import dev.bosun.model.spec.ExposedEndpoint;

/**
 * An endpoint whose expose rule differs between the bundle and the model.
 *
 * @param bundle the bundle's rule, or null when the bundle does not expose the endpoint
 * @param model the model's rule, or null when the model does not expose the endpoint
 */
public record ExposedEndpointDiff(ExposedEndpoint bundle, ExposedEndpoint model) {}
