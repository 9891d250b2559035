package dev.influence4j.launcher;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An active reward of a customer: a coupon code Influence.io issued for redeemed points, a tier entry or a
 * referral ({@code GET /v1/customer/all-rewards}). The shop must make the code work at its checkout.
 *
 * @param id the reward's id
 * @param customerId Influence.io's UUID for the customer
 * @param couponCode the code to apply at checkout
 * @param title the reward's title
 * @param pointsSpent points the customer spent on it
 * @param type how it was earned, as Influence.io wrote it (see {@link #knownSource()})
 * @param createdAt when it was issued
 * @param updatedAt when it last changed
 * @param rewardType the kind of discount, as Influence.io wrote it (see {@link #knownRewardType()})
 */
public record Reward(@Nullable String id, @Nullable String customerId, @Nullable String couponCode,
		@Nullable String title, long pointsSpent, @Nullable String type, @Nullable String createdAt,
		@Nullable String updatedAt, @Nullable String rewardType) {

	/**
	 * How the reward was earned, when it is one of the sources influence4j knows.
	 * @return the source, or empty for an absent or new value (then read {@link #type()})
	 */
	public Optional<RewardSource> knownSource() {
		return RewardSource.fromWireName(this.type);
	}

	/**
	 * The kind of discount, when it is one influence4j knows.
	 * @return the kind, or empty for an absent or new value (then read {@link #rewardType()})
	 */
	public Optional<RewardType> knownRewardType() {
		return RewardType.fromWireName(this.rewardType);
	}

}
