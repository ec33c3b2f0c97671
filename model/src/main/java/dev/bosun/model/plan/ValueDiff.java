package dev.bosun.model.plan;

/**
 * A value that differs between the bundle and the model, printed as {@code {bundle: x, model: y}}.
 *
 * @param bundle the bundle's value (null when the bundle has none)
 * @param model the model's value (null when the model has none)
 * @param <T> the value type
 */
public record ValueDiff<T>(T bundle, T model) {}
