package dev.influence4j.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change of a customer's point balance, as the Launcher's points history reports it.
 *
 * @param id the activity's id
 * @param customerId the UUID of the customer
 * @param externalCustomerId the shop's customer id, or {@code null} for a guest
 * @param type {@link #EARN}, {@link #DEDUCT} or {@link #REDEEM}
 * @param action the reason shown to the customer, for example {@code Placed order 1001}
 * @param points the change: positive when points were earned, negative when deducted or redeemed
 * @param earnRuleId the earn rule credited, or {@code null}
 * @param redeemRuleId the redeem rule spent on, or {@code null}
 * @param couponCode the coupon code a redemption issued, or {@code null}
 * @param rewardType the redeemed reward's type, or {@code null}
 * @param orderId the shop's order id that caused the change, or {@code null}
 * @param createdAt when it happened
 */
public record SandboxPointActivity(String id, String customerId, @Nullable String externalCustomerId, String type,
		String action, long points, @Nullable String earnRuleId, @Nullable String redeemRuleId,
		@Nullable String couponCode, @Nullable String rewardType, @Nullable String orderId, Instant createdAt) {

	/** Points awarded through the Platform API or earned by an order. */
	public static final String EARN = "earn";

	/** Points deducted through the Platform API or taken back after a refund. */
	public static final String DEDUCT = "deduct";

	/** Points spent on a reward through the Launcher API. */
	public static final String REDEEM = "redeem";

}
