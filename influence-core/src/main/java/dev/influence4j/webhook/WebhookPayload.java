package dev.influence4j.webhook;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The typed body of a webhook delivery: one record per topic, each of which reads itself from the body and,
 * for the four topics that carry one, names the discount code the shop must create. {@link WebhookTopic} is
 * the registry that maps wire names to these records; a delivery of a topic it does not list is an
 * {@link UnknownWebhook}.
 * <p>
 * Adding a topic takes its record (fields, reading, reward code) plus its registration: a constant in
 * {@link WebhookTopic} and the record in this interface's {@code permits} (the compiler insists on both).
 */
public sealed interface WebhookPayload permits CustomerUpdated, TierChanged, TierEntryRewardEarned, PointsEarned,
		PointsRedeemed, ReferralStarted, ReferralCompleted, UnknownWebhook {

	/**
	 * Read the body of a delivery into its topic's record.
	 * @param topicName the topic as sent in {@code X-Webhook-Topic}
	 * @param body the body
	 * @return the topic's record, or an {@link UnknownWebhook} for a topic influence4j does not know
	 * @throws InvalidWebhookException when a known topic's body is not an object, or lacks what the topic needs
	 */
	static WebhookPayload parse(String topicName, JsonNode body) {
		return WebhookTopic.fromWireName(topicName)
			.map((topic) -> topic.parse(body))
			.orElseGet(() -> new UnknownWebhook(topicName, body));
	}

	/**
	 * The discount code this delivery asks the shop to create, if any; influence4j hands it to the shop's
	 * {@link RewardCodeIssuer}.
	 * @param webhookId the delivery's id
	 * @param retry whether the shop was asked before for this delivery
	 * @return the code, or empty when the delivery carries none to create
	 * @throws InvalidWebhookException when the topic promises a code but the body carries none
	 */
	default Optional<RewardCode> rewardCode(String webhookId, boolean retry) {
		return Optional.empty();
	}

}
