package dev.influence4j.webhook;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The topics Influence.io sends webhooks for, with their wire names (the {@code X-Webhook-Topic} header): the
 * registry of webhook topics. Each topic names the {@link WebhookPayload} record that reads its body; what a
 * topic means (its fields, what it requires, its reward code) lives in that record.
 */
public enum WebhookTopic {

	/** A customer changed. */
	CUSTOMERS_UPDATED("customers/updated", CustomerUpdated::read),

	/** A customer's loyalty tier changed. */
	CUSTOMERS_TIER_CHANGED("customers/tier_changed", TierChanged::read),

	/** A customer earned the entry reward of a tier; the shop must create its discount code. */
	CUSTOMERS_TIER_ENTRY_REWARD_EARNED("customers/tier_entry_reward_earned", TierEntryRewardEarned::read),

	/** A customer earned points. */
	POINTS_EARNED("points/earned", PointsEarned::read),

	/** A customer redeemed points for a reward; the shop must create its discount code. */
	POINTS_REDEEMED("points/redeemed", PointsRedeemed::read),

	/** A friend started a referral; the shop must create the friend's discount code. */
	REFERRALS_STARTED("referrals/started", ReferralStarted::read),

	/** A referred friend ordered; the shop must create the referrer's discount code. */
	REFERRALS_COMPLETED("referrals/completed", ReferralCompleted::read);

	private final String wireName;

	private final Function<WebhookBody, WebhookPayload> reader;

	WebhookTopic(String wireName, Function<WebhookBody, WebhookPayload> reader) {
		this.wireName = wireName;
		this.reader = reader;
	}

	/**
	 * The topic as Influence.io writes it, for example {@code points/redeemed}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether deliveries of this topic carry a discount code the shop must create: whether a
	 * {@link RewardCodeSource} names it.
	 * @return whether the topic carries a reward code
	 */
	public boolean carriesRewardCode() {
		for (RewardCodeSource source : RewardCodeSource.values()) {
			if (source.topic() == this) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Read a body of this topic into its payload record, leniently: unknown fields are ignored (they stay in
	 * the raw JSON), and only what the topic needs to be handled is required.
	 * @param body the body, a JSON object
	 * @return the typed payload
	 * @throws InvalidWebhookException when the body is not an object, or a required part is missing or malformed
	 */
	public WebhookPayload parse(JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidWebhookException("body must be a JSON object");
		}
		return this.reader.apply(new WebhookBody(body));
	}

	/**
	 * The topic with a wire name.
	 * @param wireName the wire name, compared exactly, or {@code null}
	 * @return the topic, or empty for a topic influence4j does not know (or none)
	 */
	public static Optional<WebhookTopic> fromWireName(@Nullable String wireName) {
		for (WebhookTopic topic : values()) {
			if (topic.wireName.equals(wireName)) {
				return Optional.of(topic);
			}
		}
		return Optional.empty();
	}

}
