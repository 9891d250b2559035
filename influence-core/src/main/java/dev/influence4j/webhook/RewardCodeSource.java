package dev.influence4j.webhook;

/**
 * Why Influence.io issued a reward code.
 */
public enum RewardCodeSource {

	/** The customer redeemed points ({@code points/redeemed}). */
	POINTS_REDEEMED(WebhookTopic.POINTS_REDEEMED),

	/** A referred friend started a referral and gets their discount ({@code referrals/started}). */
	REFERRAL_FRIEND(WebhookTopic.REFERRALS_STARTED),

	/** A referral completed and the referrer gets their reward ({@code referrals/completed}). */
	REFERRAL_REFERRER(WebhookTopic.REFERRALS_COMPLETED),

	/** The customer entered a tier with an entry reward ({@code customers/tier_entry_reward_earned}). */
	TIER_ENTRY(WebhookTopic.CUSTOMERS_TIER_ENTRY_REWARD_EARNED);

	private final WebhookTopic topic;

	RewardCodeSource(WebhookTopic topic) {
		this.topic = topic;
	}

	/**
	 * The topic whose deliveries carry codes from this source.
	 * @return the topic
	 */
	public WebhookTopic topic() {
		return this.topic;
	}

}
