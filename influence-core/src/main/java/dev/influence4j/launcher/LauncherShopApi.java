package dev.influence4j.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * The Launcher calls about the shop, from {@link LauncherClient#shop()}: its settings, rules, tiers and stamp
 * card. They carry only the shop key. An unknown shop key throws a {@link ShopNotFoundException}.
 */
public final class LauncherShopApi {

	private final ApiTransport transport;

	private final String shopKey;

	LauncherShopApi(ApiTransport transport, String shopKey) {
		this.transport = transport;
		this.shopKey = shopKey;
	}

	/**
	 * The shop's loyalty settings ({@code GET /v1/shop}); also the cheapest check of the shop key.
	 * @return the shop
	 * @throws ShopNotFoundException when Influence.io knows no shop with the shop key
	 */
	public Shop get() {
		JsonNode body = call(request(LauncherEndpoint.SHOP_GET));
		return this.transport.readEnvelopedOrBare(body, "shop", Shop.class, LauncherEndpoint.SHOP_GET.operation());
	}

	/**
	 * The shop's earn rules ({@code GET /v1/shop/rules/earn}).
	 * @return the rules, empty when the shop has none
	 */
	public List<EarnRule> earnRules() {
		return rules(LauncherEndpoint.SHOP_EARN_RULES, request(LauncherEndpoint.SHOP_EARN_RULES), EarnRule.class);
	}

	/**
	 * The products an earn rule excludes ({@code GET /v1/shop/rules/earn/{id}/exclusions/product}).
	 * @param earnRuleId the earn rule's id
	 * @return the products
	 */
	public List<LauncherProduct> earnRuleProductExclusions(String earnRuleId) {
		return exclusions(LauncherEndpoint.SHOP_EARN_RULE_PRODUCT_EXCLUSIONS, earnRuleId, LauncherProduct.class);
	}

	/**
	 * The product variants an earn rule excludes ({@code GET /v1/shop/rules/earn/{id}/exclusions/variant}).
	 * @param earnRuleId the earn rule's id
	 * @return the variants
	 */
	public List<LauncherProductVariant> earnRuleVariantExclusions(String earnRuleId) {
		return exclusions(LauncherEndpoint.SHOP_EARN_RULE_VARIANT_EXCLUSIONS, earnRuleId,
				LauncherProductVariant.class);
	}

	/**
	 * The shop's redeem rules: what points buy ({@code GET /v1/shop/rules/redeem}).
	 * @param rewardType only rules of this kind, or {@code null} for all
	 * @return the rules, empty when the shop has none
	 */
	public List<RedeemRule> redeemRules(@Nullable RewardType rewardType) {
		ApiRequest request = request(LauncherEndpoint.SHOP_REDEEM_RULES)
			.withQuery("reward_type", (rewardType != null) ? rewardType.wireName() : null);
		return rules(LauncherEndpoint.SHOP_REDEEM_RULES, request, RedeemRule.class);
	}

	/**
	 * The shop's referral rules ({@code GET /v1/shop/rules/referral}).
	 * @return the rules, empty when the shop has none
	 */
	public List<ReferralRule> referralRules() {
		return rules(LauncherEndpoint.SHOP_REFERRAL_RULES, request(LauncherEndpoint.SHOP_REFERRAL_RULES),
				ReferralRule.class);
	}

	/**
	 * The shop's loyalty tiers ({@code GET /v1/shop/tiers}).
	 * @return the tiers, empty when the shop has none
	 */
	public List<LoyaltyTier> tiers() {
		// The list comes under "rules", like the rule endpoints, not under "tiers".
		return rules(LauncherEndpoint.SHOP_TIERS_LIST, request(LauncherEndpoint.SHOP_TIERS_LIST), LoyaltyTier.class);
	}

	/**
	 * One loyalty tier ({@code GET /v1/shop/tiers/{id}}).
	 * @param tierId the tier's id
	 * @return the tier, or empty when the shop has no such tier
	 * @throws ShopNotFoundException when Influence.io says the shop itself is unknown
	 */
	public Optional<LoyaltyTier> tier(String tierId) {
		Require.text(tierId, "tier id");
		ApiRequest request = request(LauncherEndpoint.SHOP_TIER_GET).withPath("id", tierId);
		try {
			JsonNode body = this.transport.call(request);
			return Optional.of(this.transport.readEnvelopedOrBare(body, "tier", LoyaltyTier.class,
					LauncherEndpoint.SHOP_TIER_GET.operation()));
		}
		catch (InfluenceNotFoundException ex) {
			// The same status answers "Tier not found" and "Shop not found with shopKey"; only the latter is
			// a configuration problem worth an exception.
			if (mentionsShop(ex)) {
				throw new ShopNotFoundException(ex.operation(), this.shopKey, ex.vendorMessage());
			}
			return Optional.empty();
		}
	}

	/**
	 * The shop's stamp card and its rewards ({@code GET /v1/shop/stamp-card}).
	 * @return the stamp card
	 */
	public StampCard stampCard() {
		JsonNode body = call(request(LauncherEndpoint.SHOP_STAMP_CARD));
		return this.transport.read(body, StampCard.class, LauncherEndpoint.SHOP_STAMP_CARD.operation());
	}

	/**
	 * Find the customer a loyalty card belongs to ({@code GET /v1/customer/loyalty-card-lookup}). Needs no
	 * digest, only the shop key: the answer holds nothing sensitive.
	 * @param lookupKey the data encoded in the card's barcode or QR code
	 * @return the card holder, or empty when no customer has that card (404)
	 */
	public Optional<LoyaltyCardHolder> loyaltyCardLookup(String lookupKey) {
		Require.text(lookupKey, "loyalty card lookup key");
		ApiRequest request = ApiRequest.to(LauncherEndpoint.CUSTOMER_LOYALTY_CARD_LOOKUP)
			.withQuery("lookup_key", lookupKey)
			.withQuery("shop", this.shopKey);
		return this.transport.find(request, (body) -> this.transport.read(body, LoyaltyCardHolder.class,
				LauncherEndpoint.CUSTOMER_LOYALTY_CARD_LOOKUP.operation()));
	}

	@Override
	public String toString() {
		return "LauncherShopApi[shopKey=" + this.shopKey + "]";
	}

	private ApiRequest request(LauncherEndpoint endpoint) {
		return ApiRequest.to(endpoint).withQuery("shop", this.shopKey);
	}

	private JsonNode call(ApiRequest request) {
		try {
			return this.transport.call(request);
		}
		catch (InfluenceNotFoundException ex) {
			if (ex instanceof ShopNotFoundException) {
				throw ex;
			}
			throw new ShopNotFoundException(ex.operation(), this.shopKey, ex.vendorMessage());
		}
	}

	private <T> List<T> rules(LauncherEndpoint endpoint, ApiRequest request, Class<T> type) {
		JsonNode body = call(request);
		// A shop without rules may well leave the field out; that is an empty list, not a broken answer.
		JsonNode rules = body.path("rules");
		if (rules.isMissingNode() || rules.isNull()) {
			return List.of();
		}
		return this.transport.readPage(body, "rules", type, endpoint.operation()).items();
	}

	private <T> List<T> exclusions(LauncherEndpoint endpoint, String earnRuleId, Class<T> type) {
		Require.text(earnRuleId, "earn rule id");
		ApiRequest request = request(endpoint).withPath("id", earnRuleId);
		JsonNode body;
		try {
			body = this.transport.call(request);
		}
		catch (InfluenceNotFoundException ex) {
			// Influence.io documents one 404 here, for an unknown shop; a 404 that names something else (an
			// unknown earn rule) is passed on as it is.
			if (ex.vendorMessage() == null || mentionsShop(ex)) {
				throw new ShopNotFoundException(ex.operation(), this.shopKey, ex.vendorMessage());
			}
			throw ex;
		}
		if (!body.isArray()) {
			throw new InfluenceResponseException(endpoint.operation(), 200, "expected an array", null);
		}
		List<T> items = new ArrayList<>(body.size());
		for (int i = 0; i < body.size(); i++) {
			try {
				items.add(this.transport.read(body.get(i), type, endpoint.operation()));
			}
			catch (InfluenceResponseException ex) {
				throw new InfluenceResponseException(endpoint.operation(), 200, "item " + i + ": " + ex.getMessage(),
						ex);
			}
		}
		return List.copyOf(items);
	}

	private static boolean mentionsShop(InfluenceNotFoundException ex) {
		String vendorMessage = ex.vendorMessage();
		return vendorMessage != null && vendorMessage.toLowerCase(Locale.ROOT).contains("shop");
	}

}
