package dev.influence4j.webhook;

import java.math.BigDecimal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@code customers/tier_entry_reward_earned}: a customer earned the entry reward of a tier, whose code the
 * shop must create. Influence.io does not publish this body; it is read leniently: the code is taken from
 * {@code couponCode} at the top level or inside {@code reward}.
 *
 * @param id the event's id
 * @param customer the customer
 * @param tier the tier entered, or {@code null}
 * @param couponCode the code the shop must create, or {@code null} when the body carries none
 * @param rewardType the kind of reward as Influence.io writes it
 * @param discountType the kind of discount as Influence.io writes it
 * @param discountAmount the discount's value
 */
public record TierEntryRewardEarned(@Nullable String id, WebhookCustomer customer, @Nullable WebhookTier tier,
		@Nullable String couponCode, @Nullable String rewardType, @Nullable String discountType,
		@Nullable BigDecimal discountAmount) implements WebhookPayload {

	static TierEntryRewardEarned read(WebhookBody body) {
		WebhookBody reward = body.object("reward");
		String couponCode = body.text("couponCode");
		if (couponCode == null && reward != null) {
			couponCode = reward.text("couponCode");
		}
		WebhookBody details = (reward != null) ? reward : body;
		WebhookTier tier = body.tier("tier");
		if (tier == null) {
			tier = body.tier("loyaltyTier");
		}
		return new TierEntryRewardEarned(body.text("id"), body.customer("customer"), tier, couponCode,
				details.text("rewardType"), details.text("discountType"), details.decimal("discountAmount"));
	}

	/**
	 * The entry reward's code. The topic exists to hand one over, so a body without it is not handled as if
	 * there were nothing to do (the receiver still accepts it, so that it is kept for review).
	 * @param webhookId the delivery's id
	 * @param retry whether the shop was asked before for this delivery
	 * @return the code
	 * @throws InvalidWebhookException when the body carries no code
	 */
	@Override
	public Optional<RewardCode> rewardCode(String webhookId, boolean retry) {
		String code = this.couponCode;
		if (code == null) {
			throw new InvalidWebhookException("carries no coupon code (looked for 'couponCode' and 'reward.couponCode')");
		}
		return Optional.of(new RewardCode(code, RewardCodeSource.TIER_ENTRY, webhookId, this.customer.externalId(),
				this.customer.email(), this.rewardType, this.discountType, this.discountAmount, null, null, retry));
	}

}
