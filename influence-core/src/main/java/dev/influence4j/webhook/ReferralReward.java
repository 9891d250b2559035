package dev.influence4j.webhook;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The reward of one side of a referral.
 *
 * @param id Influence.io's id for the reward
 * @param couponCode the discount code the shop must create, or {@code null} (for example when the referrer
 * is rewarded with points)
 * @param couponCodeStatus the code's status as Influence.io writes it
 * @param discountType the kind of discount as Influence.io writes it
 * @param discountAmount the discount's value
 */
public record ReferralReward(@Nullable String id, @Nullable String couponCode, @Nullable String couponCodeStatus,
		@Nullable String discountType, @Nullable BigDecimal discountAmount) {

}
