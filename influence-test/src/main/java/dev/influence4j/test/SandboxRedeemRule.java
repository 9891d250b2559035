package dev.influence4j.test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A way for customers to spend points in the sandbox, as the Launcher's {@code GET /v1/shop/rules/redeem}
 * lists it and {@code POST /v1/customer/redeem} applies it.
 * <p>
 * A {@link #FIXED} rule always costs {@link #pointCost()} and gives {@link #discountValue()}. An
 * {@link #INCREMENTS} rule lets the customer choose how many points to spend (a multiple of
 * {@code pointCost} between the minimum and maximum) and gives {@code discountValue} per {@code pointCost}.
 *
 * @param id the rule's id, sent as {@code ruleId} when redeeming
 * @param title the title shown to customers
 * @param redeemType {@link #FIXED} or {@link #INCREMENTS}
 * @param rewardType the reward type Influence.io names, for example {@code fixedamountdiscount}
 * @param templateName the rule template's name, for example {@code fixedAmountDiscount}
 * @param pointCost points per redemption ({@code FIXED}) or per step ({@code INCREMENTS})
 * @param discountValue the discount per redemption or per step: an amount in the store currency, or a
 * percentage for {@code percentageoff}
 * @param minRedeemablePoints smallest number of points per redemption ({@code INCREMENTS} only), or
 * {@code null}
 * @param maxRedeemablePoints largest number of points per redemption ({@code INCREMENTS} only), or
 * {@code null}
 * @param minSpendAmount the order amount the discount requires, zero for none
 */
public record SandboxRedeemRule(String id, String title, String redeemType, String rewardType, String templateName,
		long pointCost, BigDecimal discountValue, @Nullable Long minRedeemablePoints,
		@Nullable Long maxRedeemablePoints, BigDecimal minSpendAmount) {

	/** The rule costs a fixed number of points. */
	public static final String FIXED = "fixed";

	/** The customer chooses how many points to spend. */
	public static final String INCREMENTS = "increments";

	public SandboxRedeemRule {
		text(id, "redeem rule id");
		text(title, "redeem rule title");
		text(rewardType, "redeem rule reward type");
		text(templateName, "redeem rule template name");
		if (!FIXED.equals(redeemType) && !INCREMENTS.equals(redeemType)) {
			throw new IllegalArgumentException("redeem type must be 'fixed' or 'increments' but was " + redeemType);
		}
		if (pointCost <= 0) {
			throw new IllegalArgumentException("redeem rule point cost must be positive but was " + pointCost);
		}
		Objects.requireNonNull(discountValue, "discount value");
		Objects.requireNonNull(minSpendAmount, "min spend amount");
		if (discountValue.signum() <= 0) {
			throw new IllegalArgumentException("redeem rule discount value must be positive but was " + discountValue);
		}
		if (minSpendAmount.signum() < 0) {
			throw new IllegalArgumentException("redeem rule min spend must not be negative but was " + minSpendAmount);
		}
	}

	/**
	 * A fixed amount off the order.
	 * @param id the rule's id
	 * @param pointCost points it costs
	 * @param amount the amount off, in the store currency
	 * @return the rule
	 */
	public static SandboxRedeemRule fixedAmountOff(String id, long pointCost, BigDecimal amount) {
		return new SandboxRedeemRule(id, amount.toPlainString() + " off", FIXED, "fixedamountdiscount",
				"fixedAmountDiscount", pointCost, amount, null, null, BigDecimal.ZERO);
	}

	/**
	 * A percentage off the order.
	 * @param id the rule's id
	 * @param pointCost points it costs
	 * @param percent the percentage off, 1 to 100
	 * @return the rule
	 */
	public static SandboxRedeemRule percentageOff(String id, long pointCost, int percent) {
		if (percent < 1 || percent > 100) {
			throw new IllegalArgumentException("percentage must be between 1 and 100 but was " + percent);
		}
		return new SandboxRedeemRule(id, percent + "% off", FIXED, "percentageoff", "percentageDiscount", pointCost,
				BigDecimal.valueOf(percent), null, null, BigDecimal.ZERO);
	}

	/**
	 * Free shipping.
	 * @param id the rule's id
	 * @param pointCost points it costs
	 * @return the rule
	 */
	public static SandboxRedeemRule freeShipping(String id, long pointCost) {
		return new SandboxRedeemRule(id, "Free shipping", FIXED, "freeshipping", "freeShipping", pointCost,
				BigDecimal.ONE, null, null, BigDecimal.ZERO);
	}

	/**
	 * An amount off chosen by the customer: {@code amountPerStep} for every {@code pointsPerStep} points.
	 * @param id the rule's id
	 * @param pointsPerStep points per step
	 * @param amountPerStep the amount off per step
	 * @param minPoints the fewest points per redemption
	 * @param maxPoints the most points per redemption
	 * @return the rule
	 */
	public static SandboxRedeemRule amountOffInIncrements(String id, long pointsPerStep, BigDecimal amountPerStep,
			long minPoints, long maxPoints) {
		if (minPoints < pointsPerStep || maxPoints < minPoints) {
			throw new IllegalArgumentException("increments need pointsPerStep <= minPoints <= maxPoints");
		}
		return new SandboxRedeemRule(id, amountPerStep.toPlainString() + " off per " + pointsPerStep + " points",
				INCREMENTS, "amountdiscount", "amountDiscount", pointsPerStep, amountPerStep, minPoints, maxPoints,
				BigDecimal.ZERO);
	}

	/**
	 * The rules a sandbox offers unless told otherwise: {@code redeem-500-5-off} (500 points for 5.00 off)
	 * and {@code redeem-1000-10-percent} (1000 points for 10 % off).
	 * @return the default rules
	 */
	public static List<SandboxRedeemRule> defaults() {
		return List.of(fixedAmountOff("redeem-500-5-off", 500, new BigDecimal("5.00")),
				percentageOff("redeem-1000-10-percent", 1000, 10));
	}

	/**
	 * The same rule with another title.
	 * @param title the title
	 * @return the rule
	 */
	public SandboxRedeemRule withTitle(String title) {
		return new SandboxRedeemRule(this.id, title, this.redeemType, this.rewardType, this.templateName,
				this.pointCost, this.discountValue, this.minRedeemablePoints, this.maxRedeemablePoints,
				this.minSpendAmount);
	}

	/**
	 * The same rule with a minimum order amount.
	 * @param minSpendAmount the amount, zero for none
	 * @return the rule
	 */
	public SandboxRedeemRule withMinSpendAmount(BigDecimal minSpendAmount) {
		return new SandboxRedeemRule(this.id, this.title, this.redeemType, this.rewardType, this.templateName,
				this.pointCost, this.discountValue, this.minRedeemablePoints, this.maxRedeemablePoints, minSpendAmount);
	}

	private static void text(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
