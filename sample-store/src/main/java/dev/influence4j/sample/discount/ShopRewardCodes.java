package dev.influence4j.sample.discount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.influence4j.webhook.RedeemRuleDetails;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeIssuer;

/**
 * Creates the discount codes Influence.io issues (redeemed points, referral and tier rewards) as single-use
 * codes the checkout accepts. influence4j calls it when a webhook carrying a code arrives, at least once per
 * code, so a code that exists already is left as it is.
 */
@Component
public class ShopRewardCodes implements RewardCodeIssuer {

	private final DiscountCodeRepository codes;

	ShopRewardCodes(DiscountCodeRepository codes) {
		this.codes = codes;
	}

	/**
	 * Create the code, or do nothing when it exists.
	 * @param code the code and what it is worth
	 * @throws IllegalArgumentException when the reward is not a discount this shop can give (a product or a
	 * gift card, say) or lacks its value: influence4j keeps the delivery as a dead letter to replay once the
	 * shop can
	 */
	@Override
	public void issue(RewardCode code) {
		if (this.codes.find(code.couponCode()).isPresent()) {
			return;
		}
		RedeemRuleDetails rule = code.redeemRule();
		DiscountKind kind = kind(code, rule);
		BigDecimal amount = (kind == DiscountKind.FREE_SHIPPING) ? BigDecimal.ZERO : amount(code, rule, kind);
		BigDecimal minSpend = (rule != null && rule.minSpendAmount() != null) ? rule.minSpendAmount() : BigDecimal.ZERO;
		this.codes.insertIfAbsent(new DiscountCode(code.couponCode(), kind, amount, minSpend.max(BigDecimal.ZERO),
				DiscountSource.INFLUENCE, description(code), Instant.now(), null, null));
	}

	private static DiscountKind kind(RewardCode code, @Nullable RedeemRuleDetails rule) {
		String type = firstText(code.rewardType(), code.discountType(), (rule != null) ? rule.templateName() : null);
		if (type == null) {
			throw new IllegalArgumentException("reward code from " + code.source() + " names no reward type");
		}
		// Influence.io's names vary by source (fixedamountdiscount, amountdiscount, percentageoff,
		// freeshipping on redemptions; referral discount types are not documented), so match on the words.
		String lowercase = type.toLowerCase(Locale.ROOT);
		if (lowercase.contains("shipping")) {
			return DiscountKind.FREE_SHIPPING;
		}
		if (lowercase.contains("percent")) {
			return DiscountKind.PERCENTAGE;
		}
		if (lowercase.contains("amount") || lowercase.contains("fixed")) {
			return DiscountKind.FIXED_AMOUNT;
		}
		throw new IllegalArgumentException("reward type '" + type + "' is not a discount the sample store can give");
	}

	private static BigDecimal amount(RewardCode code, @Nullable RedeemRuleDetails rule, DiscountKind kind) {
		BigDecimal value = (code.discountValue() != null) ? code.discountValue()
				: (rule != null) ? rule.discountValue() : null;
		if (value == null || value.signum() <= 0) {
			throw new IllegalArgumentException("reward code from " + code.source() + " has no positive discount value");
		}
		if (kind == DiscountKind.PERCENTAGE && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("percentage reward of " + value + " is more than 100");
		}
		return value;
	}

	private static String description(RewardCode code) {
		return switch (code.source()) {
			case POINTS_REDEEMED -> "Influence.io: points redeemed";
			case REFERRAL_FRIEND -> "Influence.io: referred friend's reward";
			case REFERRAL_REFERRER -> "Influence.io: referral reward";
			case TIER_ENTRY -> "Influence.io: tier reward";
		};
	}

	private static @Nullable String firstText(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
