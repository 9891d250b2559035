package dev.influence4j.webhook;

import java.math.BigDecimal;

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
		@Nullable BigDecimal discountAmount) {

}
