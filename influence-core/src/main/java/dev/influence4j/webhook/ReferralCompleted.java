package dev.influence4j.webhook;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@code referrals/completed}: the referred friend ordered. The referrer's discount code
 * ({@code customerReward.couponCode}) must exist in the shop, unless the referrer is rewarded with points.
 *
 * @param id the referral's id
 * @param customer the referrer
 * @param friendCustomer the friend
 * @param friendEmail the friend's email
 * @param customerReward the referrer's reward
 * @param friendReward the friend's reward
 */
public record ReferralCompleted(@Nullable String id, WebhookCustomer customer, @Nullable WebhookCustomer friendCustomer,
		@Nullable String friendEmail, @Nullable ReferralReward customerReward, @Nullable ReferralReward friendReward)
		implements WebhookPayload {

	static ReferralCompleted read(WebhookBody body) {
		return new ReferralCompleted(body.text("id"), body.customer("customer"),
				body.optional("friendCustomer", WebhookCustomer.class), body.text("friendEmail"),
				body.optional("customerReward", ReferralReward.class), body.optional("friendReward", ReferralReward.class));
	}

	/**
	 * The referrer's code.
	 * @param webhookId the delivery's id
	 * @param retry whether the shop was asked before for this delivery
	 * @return the code, or empty when the referrer's reward has none (points, for example)
	 */
	@Override
	public Optional<RewardCode> rewardCode(String webhookId, boolean retry) {
		return ReferralReward.code(this.customerReward, RewardCodeSource.REFERRAL_REFERRER, webhookId,
				this.customer.externalId(), this.customer.email(), retry);
	}

}
