package dev.influence4j.webhook;

import java.util.Optional;

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
		@Nullable RedeemRuleDetails redeemRule) implements WebhookPayload {

	static PointsRedeemed read(WebhookBody body) {
		return new PointsRedeemed(body.text("id"), body.customer("customer"), body.text("action"), body.points(),
				body.text("type"), body.text("ruleId"), body.requiredText("couponCode"), body.text("rewardType"),
				body.optional("redeemRule", RedeemRuleDetails.class));
	}

	/**
	 * The redeemed reward's code, always present.
	 * @param webhookId the delivery's id
	 * @param retry whether the shop was asked before for this delivery
	 * @return the code
	 */
	@Override
	public Optional<RewardCode> rewardCode(String webhookId, boolean retry) {
		return Optional.of(new RewardCode(this.couponCode, RewardCodeSource.POINTS_REDEEMED, webhookId,
				this.customer.externalId(), this.customer.email(), this.rewardType, null,
				(this.redeemRule != null) ? this.redeemRule.discountValue() : null, this.points, this.redeemRule, retry));
	}

}
