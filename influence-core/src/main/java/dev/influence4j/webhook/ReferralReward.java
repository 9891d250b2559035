package dev.influence4j.webhook;

import java.math.BigDecimal;
import java.util.Optional;

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

	/**
	 * The code one side of a referral is to get, when its reward carries one.
	 */
	static Optional<RewardCode> code(@Nullable ReferralReward reward, RewardCodeSource source, String webhookId,
			@Nullable String externalId, @Nullable String email, boolean retry) {
		String couponCode = (reward != null) ? reward.couponCode() : null;
		if (reward == null || couponCode == null || couponCode.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new RewardCode(couponCode, source, webhookId, externalId, email, null, reward.discountType(),
				reward.discountAmount(), null, null, retry));
	}

}
