package dev.influence4j.webhook;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@code referrals/started}: a friend entered their email through a customer's referral link. The friend's
 * discount code ({@code friendReward.couponCode}) must exist in the shop.
 *
 * @param id the referral's id
 * @param customer the referrer
 * @param friendCustomer the friend, when Influence.io already knows them
 * @param friendEmail the email the friend entered
 * @param customerReward the referrer's reward (usually granted on completion)
 * @param friendReward the friend's reward
 */
public record ReferralStarted(@Nullable String id, WebhookCustomer customer, @Nullable WebhookCustomer friendCustomer,
		@Nullable String friendEmail, @Nullable ReferralReward customerReward, @Nullable ReferralReward friendReward)
		implements WebhookPayload {

	static ReferralStarted read(WebhookBody body) {
		return new ReferralStarted(body.text("id"), body.customer("customer"),
				body.optional("friendCustomer", WebhookCustomer.class), body.text("friendEmail"),
				body.optional("customerReward", ReferralReward.class), body.optional("friendReward", ReferralReward.class));
	}

	/**
	 * The friend's code, for the friend (by the email they entered when Influence.io does not know them yet).
	 * @param webhookId the delivery's id
	 * @param retry whether the shop was asked before for this delivery
	 * @return the code, or empty when the friend's reward has none
	 */
	@Override
	public Optional<RewardCode> rewardCode(String webhookId, boolean retry) {
		WebhookCustomer friend = this.friendCustomer;
		return ReferralReward.code(this.friendReward, RewardCodeSource.REFERRAL_FRIEND, webhookId,
				(friend != null) ? friend.externalId() : null,
				(friend != null && friend.email() != null) ? friend.email() : this.friendEmail, retry);
	}

}
