package dev.influence4j.launcher;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a customer's points history or referral activity ({@code GET /v1/customer/points},
 * {@code GET /v1/customer/referrals}): points earned or spent, and why.
 *
 * @param id the activity's id
 * @param shopId Influence.io's UUID for the shop
 * @param customerId Influence.io's UUID for the customer
 * @param action what happened, as display text
 * @param points points earned (or spent)
 * @param type the kind of activity, as Influence.io wrote it
 * @param status the activity's status, as Influence.io wrote it
 * @param couponCode the coupon code issued, for redemptions
 * @param customerNote a note shown to the customer
 * @param customDescription a merchant-written description
 * @param earnRuleId the earn rule that awarded the points
 * @param redeemRuleId the redeem rule the points were spent on
 * @param rewardType the kind of discount, as Influence.io wrote it (see {@link #knownRewardType()})
 * @param shopifyPriceRuleId the Shopify price rule behind the code (Shopify stores only)
 * @param shopifyDiscountCodeId the Shopify discount code behind the code (Shopify stores only)
 * @param createdAt when it happened
 * @param updatedAt when it last changed
 * @param owner Influence.io's owner reference
 */
public record PointActivity(@Nullable String id, @Nullable String shopId, @Nullable String customerId,
		@Nullable String action, long points, @Nullable String type, @Nullable String status,
		@Nullable String couponCode, @Nullable String customerNote, @Nullable String customDescription,
		@Nullable String earnRuleId, @Nullable String redeemRuleId, @Nullable String rewardType,
		@Nullable String shopifyPriceRuleId, @Nullable String shopifyDiscountCodeId, @Nullable String createdAt,
		@Nullable String updatedAt, @Nullable String owner) {

	/**
	 * The kind of discount, when it is one influence4j knows.
	 * @return the kind, or empty for an absent or new value (then read {@link #rewardType()})
	 */
	public Optional<RewardType> knownRewardType() {
		return RewardType.fromWireName(this.rewardType);
	}

}
