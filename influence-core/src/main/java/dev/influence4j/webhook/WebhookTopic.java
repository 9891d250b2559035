package dev.influence4j.webhook;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The topics Influence.io sends webhooks for, with their wire names (the {@code X-Webhook-Topic} header).
 */
public enum WebhookTopic {

	/** A customer changed. */
	CUSTOMERS_UPDATED("customers/updated", false),

	/** A customer's loyalty tier changed. */
	CUSTOMERS_TIER_CHANGED("customers/tier_changed", false),

	/** A customer earned the entry reward of a tier; the shop must create its discount code. */
	CUSTOMERS_TIER_ENTRY_REWARD_EARNED("customers/tier_entry_reward_earned", true),

	/** A customer earned points. */
	POINTS_EARNED("points/earned", false),

	/** A customer redeemed points for a reward; the shop must create its discount code. */
	POINTS_REDEEMED("points/redeemed", true),

	/** A friend started a referral; the shop must create the friend's discount code. */
	REFERRALS_STARTED("referrals/started", true),

	/** A referred friend ordered; the shop must create the referrer's discount code. */
	REFERRALS_COMPLETED("referrals/completed", true);

	private final String wireName;

	private final boolean carriesRewardCode;

	WebhookTopic(String wireName, boolean carriesRewardCode) {
		this.wireName = wireName;
		this.carriesRewardCode = carriesRewardCode;
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
	 * Whether deliveries of this topic carry a discount code the shop must create.
	 * @return whether the topic carries a reward code
	 */
	public boolean carriesRewardCode() {
		return this.carriesRewardCode;
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
