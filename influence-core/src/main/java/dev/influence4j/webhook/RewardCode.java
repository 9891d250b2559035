package dev.influence4j.webhook;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A discount code Influence.io issued, which the shop must create so that it works at checkout: everything
 * a {@link RewardCodeIssuer} needs.
 *
 * @param couponCode the code, exactly as the customer will type it
 * @param source why it was issued
 * @param webhookId the delivery that carried it
 * @param customerExternalId the shop's id of the customer the code is for, when known
 * @param customerEmail the email of the customer the code is for (for a friend's referral reward, the email
 * they entered), when known
 * @param rewardType the kind of reward as Influence.io writes it, for example {@code fixedamountdiscount},
 * {@code percentageoff}, {@code freeshipping}; or {@code null}
 * @param discountType the kind of discount as Influence.io writes it (referral rewards), or {@code null}
 * @param discountValue the discount's value (an amount, or a percentage for percentage rewards), or
 * {@code null} when the delivery does not say
 * @param pointsSpent points the customer spent on it, or {@code null}
 * @param redeemRule the redeem rule's details (minimum spend, maximum shipping...) when present
 * @param retry whether influence4j asked before for this delivery and the call did not complete: the issuer
 * must be idempotent on the code (creating an existing code again must succeed without a second code)
 */
public record RewardCode(String couponCode, RewardCodeSource source, String webhookId,
		@Nullable String customerExternalId, @Nullable String customerEmail, @Nullable String rewardType,
		@Nullable String discountType, @Nullable BigDecimal discountValue, @Nullable Long pointsSpent,
		@Nullable RedeemRuleDetails redeemRule, boolean retry) {

	@Override
	public String toString() {
		// The code is a bearer credential worth money; only its source and delivery are printed.
		return "RewardCode[source=" + this.source + ", webhookId=" + this.webhookId + ", retry=" + this.retry + "]";
	}

}
