package dev.influence4j.webhook;

/**
 * Creates, in the shop, the discount codes Influence.io issues: the shop implements it (one bean) because
 * outside Shopify Influence.io cannot create codes itself. Without it, redeemed points buy nothing.
 * <p>
 * Called at least once per code: after a crash or a failure it is called again with
 * {@link RewardCode#retry()} set, so it must be idempotent on the code. Throwing makes influence4j retry
 * later with backoff, and finally keep the delivery as a dead letter that can be replayed.
 * <pre>{@code
 * @Component
 * class ShopRewardCodes implements RewardCodeIssuer {
 *     public void issue(RewardCode code) {
 *         if (discounts.existsByCode(code.couponCode())) {
 *             return;                                   // already created by an earlier call
 *         }
 *         discounts.save(Discount.singleUse(code.couponCode(), code.discountValue(), code.rewardType()));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RewardCodeIssuer {

	/**
	 * Create the code in the shop, or do nothing if it exists already.
	 * @param code the code and what it is worth
	 * @throws Exception when the code could not be created now (it is retried)
	 */
	void issue(RewardCode code) throws Exception;

}
