package dev.influence4j.webhook;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The redeem rule a {@code points/redeemed} delivery carries (observed in live payloads, not documented;
 * field names follow the Launcher API's redeem rule), read leniently.
 *
 * @param id the rule's id
 * @param title the rule's title
 * @param customTitle the title the merchant set
 * @param pointCost points the reward costs
 * @param discountValue the discount's value
 * @param templateName the rule's template, for example {@code fixedamountdiscount}
 * @param redeemType fixed or increments
 * @param minSpendAmount the order minimum for the code
 * @param maxShippingAmount the highest shipping cost a free-shipping code covers
 */
public record RedeemRuleDetails(@Nullable String id, @Nullable String title, @Nullable String customTitle,
		@Nullable BigDecimal pointCost, @Nullable BigDecimal discountValue, @Nullable String templateName,
		@Nullable String redeemType, @Nullable BigDecimal minSpendAmount, @Nullable BigDecimal maxShippingAmount) {

}
