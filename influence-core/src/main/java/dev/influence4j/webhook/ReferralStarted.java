package dev.influence4j.webhook;

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
		@Nullable String friendEmail, @Nullable ReferralReward customerReward, @Nullable ReferralReward friendReward) {

}
