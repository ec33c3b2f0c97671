package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import java.util.List;

/**
 * Consume an offer from another model as a SAAS application ({@code consumeOffer}), described as
 * {@code consume offer mysql at production:admin/info.mysql}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param url the offer URL
 * @param applicationName the name the offer gets in this model
 */
public record ConsumeOfferChange(
    String id, List<String> requires, String url, String applicationName) implements Change {

  /** Checks the components. */
  public ConsumeOfferChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(url, "url");
    requireNonNull(applicationName, "applicationName");
  }

  @Override
  public String method() {
    return "consumeOffer";
  }

  @Override
  public List<String> descriptionLines() {
    return List.of("consume offer " + applicationName + " at " + url);
  }
}
