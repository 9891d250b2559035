package dev.influence4j.launcher;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A reward customers can spend points on, as the Launcher API lists them ({@code GET /v1/shop/rules/redeem}).
 * Amounts are read as decimals although the OpenAPI document says integers: discounts may have cents.
 *
 * @param id Influence.io's UUID for the rule
 * @param title the rule's title
 * @param customTitle the merchant's title
 * @param pointCost points it costs (per increment for increment rules)
 * @param discountValue the discount it gives (per increment for increment rules)
 * @param templateName the kind of discount, as Influence.io wrote it (see {@link #knownRewardType()})
 * @param redeemType how points are spent, for example fixed or increments
 * @param maxRedeemablePoints most points one redemption may spend (increment rules), or {@code null}
 * @param minRedeemablePoints fewest points one redemption may spend (increment rules), or {@code null}
 * @param minSpendAmount minimum order amount for the code, or {@code null}
 * @param status whether the rule is active, for example {@code Active}
 * @param product the product it discounts or gives away (product rules), or {@code null}
 * @param variants the product's variants it applies to
 */
public record RedeemRule(@Nullable String id, @Nullable String title, @Nullable String customTitle, long pointCost,
		@Nullable BigDecimal discountValue, @Nullable String templateName, @Nullable String redeemType,
		@Nullable Long maxRedeemablePoints, @Nullable Long minRedeemablePoints, @Nullable BigDecimal minSpendAmount,
		@Nullable String status, @Nullable LauncherProduct product, List<LauncherProductVariant> variants) {

	public RedeemRule {
		variants = Lenient.list(variants);
	}

	/**
	 * The kind of discount, when {@link #templateName()} names one influence4j knows.
	 * @return the kind, or empty
	 */
	public Optional<RewardType> knownRewardType() {
		return RewardType.fromWireName(this.templateName);
	}

}
