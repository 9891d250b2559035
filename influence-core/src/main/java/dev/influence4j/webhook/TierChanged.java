package dev.influence4j.webhook;

import org.jspecify.annotations.Nullable;

/**
 * {@code customers/tier_changed}: a customer moved to another loyalty tier.
 *
 * @param customer the customer
 * @param oldTier the tier before, or {@code null}
 * @param newTier the tier now, or {@code null}
 */
public record TierChanged(WebhookCustomer customer, @Nullable WebhookTier oldTier, @Nullable WebhookTier newTier)
		implements WebhookPayload {

	static TierChanged read(WebhookBody body) {
		return new TierChanged(body.customer("customer"), body.tier("oldTier"), body.tier("newTier"));
	}

}
