package dev.influence4j.test;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reward code the sandbox issued when a customer redeemed points: what the shop must turn into a working
 * discount when the {@code points/redeemed} webhook arrives.
 *
 * @param id the reward's id
 * @param couponCode the code, {@code INF-} followed by ten upper-case letters and digits
 * @param customerId the UUID of the customer
 * @param externalCustomerId the shop's customer id, or {@code null} for a guest
 * @param ruleId the redeem rule
 * @param title the rule's title
 * @param rewardType the reward type, for example {@code fixedamountdiscount}
 * @param discountValue the discount: an amount, or a percentage for {@code percentageoff}
 * @param pointsSpent points the redemption cost
 * @param used whether the code was used (an order carried it, or {@code POST /v1/rewards/{code}/use})
 * @param usedInOrderId the shop's order id that carried the code, or {@code null}
 * @param createdAt when it was issued
 * @param usedAt when it was used, or {@code null}
 */
public record IssuedReward(String id, String couponCode, String customerId, @Nullable String externalCustomerId,
		String ruleId, String title, String rewardType, BigDecimal discountValue, long pointsSpent, boolean used,
		@Nullable String usedInOrderId, Instant createdAt, @Nullable Instant usedAt) {

}
