package dev.influence4j.webhook;

import org.jspecify.annotations.Nullable;

/**
 * {@code points/redeemed}: a customer spent points on a reward. Required handling: the shop must create a
 * discount whose code is {@link #couponCode()}, which influence4j asks the shop's {@link RewardCodeIssuer}
 * to do.
 *
 * @param id the point activity's id
 * @param customer the customer, with the new balance
 * @param action the reason shown to the customer
 * @param points points spent
 * @param type the activity's type as Influence.io writes it
 * @param ruleId the redeem rule's id
 * @param couponCode the code the shop must create
 * @param rewardType the kind of reward, for example {@code fixedamountdiscount}
 * @param redeemRule the rule's details when the body carries them, else {@code null}
 */
public record PointsRedeemed(@Nullable String id, WebhookCustomer customer, @Nullable String action, long points,
		@Nullable String type, @Nullable String ruleId, String couponCode, @Nullable String rewardType,
		@Nullable RedeemRuleDetails redeemRule) {

}
