package dev.influence4j.webhook;

/**
 * Why Influence.io issued a reward code.
 */
public enum RewardCodeSource {

	/** The customer redeemed points ({@code points/redeemed}). */
	POINTS_REDEEMED,

	/** A referred friend started a referral and gets their discount ({@code referrals/started}). */
	REFERRAL_FRIEND,

	/** A referral completed and the referrer gets their reward ({@code referrals/completed}). */
	REFERRAL_REFERRER,

	/** The customer entered a tier with an entry reward ({@code customers/tier_entry_reward_earned}). */
	TIER_ENTRY

}
