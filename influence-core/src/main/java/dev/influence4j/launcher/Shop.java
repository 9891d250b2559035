package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * A shop's loyalty settings as the Launcher API answers them ({@code GET /v1/shop}). Calling it is the
 * cheapest way to check a shop key.
 *
 * @param id Influence.io's UUID for the shop
 * @param shopKey the shop key: the myshopify domain on Shopify, a key made from the domain elsewhere
 * @param storeCurrency the shop's currency
 * @param pointCurrency what points are called in this shop
 * @param pointStatus whether the points programme is on, as Influence.io wrote it
 * @param referralStatus whether referrals are on, as Influence.io wrote it
 * @param referralAliasUrl the custom referral domain, if any
 * @param tierStatus whether tiers are on, as Influence.io wrote it
 * @param stampCardStatus whether the stamp card is on, as Influence.io wrote it
 */
public record Shop(@Nullable String id, @Nullable String shopKey, @Nullable String storeCurrency,
		@Nullable String pointCurrency, @Nullable String pointStatus, @Nullable String referralStatus,
		@Nullable String referralAliasUrl, @Nullable String tierStatus, @Nullable String stampCardStatus) {

}
