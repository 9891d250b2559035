package dev.influence4j.webhook;

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
		@Nullable String friendEmail, @Nullable ReferralReward customerReward, @Nullable ReferralReward friendReward) {

}
