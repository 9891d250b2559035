package dev.influence4j.webhook;

import org.jspecify.annotations.Nullable;

/**
 * {@code points/earned}: a customer earned points.
 *
 * @param id the point activity's id
 * @param customer the customer, with the new balance
 * @param action the reason shown to the customer
 * @param points points earned
 * @param type the activity's type as Influence.io writes it
 * @param ruleId the earn rule, or {@code null}
 */
public record PointsEarned(@Nullable String id, WebhookCustomer customer, @Nullable String action, long points,
		@Nullable String type, @Nullable String ruleId) implements WebhookPayload {

	static PointsEarned read(WebhookBody body) {
		return new PointsEarned(body.text("id"), body.customer("customer"), body.text("action"), body.points(),
				body.text("type"), body.text("ruleId"));
	}

}
