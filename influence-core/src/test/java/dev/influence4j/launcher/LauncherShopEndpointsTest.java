package dev.influence4j.launcher;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.influence4j.launcher.LauncherFixture.PREFIX;
import static dev.influence4j.launcher.LauncherFixture.SHOP_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per shop endpoint of the Launcher API: only the shop key is sent, and the answer is read.
 */
class LauncherShopEndpointsTest {

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.client(wireMock);

	@Test
	void readsTheShop() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop")).willReturn(okJson("""
				{"id":"9d2fc1c8-3bfb-4251-bb23-7edf1feb0206","shopKey":"example-com","storeCurrency":"GBP",
				 "pointCurrency":"Stars","pointStatus":"Active","referralStatus":"Active",
				 "referralAliasUrl":"https://r.example.com","tierStatus":"Disabled","stampCardStatus":"Active"}
				""")));

		Shop shop = this.launcher.shop().get();

		wireMock.verify(1, shopGet("/v1/shop"));
		assertThat(shop).isEqualTo(new Shop("9d2fc1c8-3bfb-4251-bb23-7edf1feb0206", "example-com", "GBP", "Stars",
				"Active", "Active", "https://r.example.com", "Disabled", "Active"));
	}

	@Test
	void readsEarnRulesWhateverShapeTheLooselyTypedFieldsTake() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/earn")).willReturn(okJson("""
				{"rules":[
				  {"id":"earn-order","title":"Place an order","customTitle":"Shop with us","summary":"1 point per £1",
				   "earnType":"increments","earnValue":1,"willExpire":false,"startDate":"2025-01-01","expiryDate":null,
				   "socialUrl":null,"templateName":"placeOrder","limitTiers":"false","loyaltyTierIds":["t-1","t-2"],
				   "message":"Thanks for your order","integrationEventName":null,"status":"Active"},
				  {"id":"earn-birthday","templateName":"birthday","earnValue":"100"}]}
				""")));

		List<EarnRule> rules = this.launcher.shop().earnRules();

		wireMock.verify(1, shopGet("/v1/shop/rules/earn"));
		assertThat(rules).hasSize(2);
		EarnRule order = rules.get(0);
		assertThat(order.title()).isEqualTo("Place an order");
		assertThat(order.customTitle()).isEqualTo("Shop with us");
		assertThat(order.earnType()).isEqualTo("increments");
		assertThat(order.earnValue()).isEqualTo("1");
		assertThat(order.willExpire()).isEqualTo("false");
		assertThat(order.limitTiers()).isEqualTo("false");
		assertThat(order.loyaltyTierIds()).isEqualTo("[\"t-1\",\"t-2\"]");
		assertThat(order.templateName()).isEqualTo("placeOrder");
		assertThat(order.status()).isEqualTo("Active");
		assertThat(rules.get(1).earnValue()).isEqualTo("100");
	}

	@Test
	void readsTheProductsAnEarnRuleExcludes() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/earn/earn-order/exclusions/product"))
			.willReturn(okJson("""
					[{"id":"p-1","title":"Gift card","externalId":"SKU-GIFT","imageUrl":"https://cdn.example.com/g.png",
					  "status":"active","referralStatus":"Active","externalUrlHandle":"gift-card","tierStatus":"Active"}]
					""")));

		List<LauncherProduct> products = this.launcher.shop().earnRuleProductExclusions("earn-order");

		wireMock.verify(1, shopGet("/v1/shop/rules/earn/earn-order/exclusions/product"));
		assertThat(products).containsExactly(new LauncherProduct("p-1", "Gift card", "SKU-GIFT",
				"https://cdn.example.com/g.png", "active", "Active", "gift-card", "Active"));
	}

	@Test
	void readsTheVariantsAnEarnRuleExcludes() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/earn/earn-order/exclusions/variant"))
			.willReturn(okJson("""
					[{"id":"v-1","title":"Gift card - £50","externalVariantId":"SKU-GIFT-50","externalProductId":"SKU-GIFT",
					  "imageUrl":null,"status":"active","position":2}]
					""")));

		List<LauncherProductVariant> variants = this.launcher.shop().earnRuleVariantExclusions("earn-order");

		wireMock.verify(1, shopGet("/v1/shop/rules/earn/earn-order/exclusions/variant"));
		assertThat(variants).containsExactly(
				new LauncherProductVariant("v-1", "Gift card - £50", "SKU-GIFT-50", "SKU-GIFT", null, "active", 2));
	}

	@Test
	void readsRedeemRulesWithTheirProductAndVariants() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/redeem")).willReturn(okJson("""
				{"rules":[
				  {"id":"redeem-5off","title":"£5 off","customTitle":"Five pounds off","pointCost":500,
				   "discountValue":5,"templateName":"fixedamountdiscount","redeemType":"fixed",
				   "maxRedeemablePoints":null,"minRedeemablePoints":null,"minSpendAmount":null,"status":"Active"},
				  {"id":"redeem-mug","title":"Free mug","pointCost":1200,"discountValue":12.5,
				   "templateName":"productdiscount","redeemType":"increments","maxRedeemablePoints":5000,
				   "minRedeemablePoints":100,"minSpendAmount":20,"status":"Active",
				   "product":{"id":"p-mug","title":"Mug","externalId":"SKU-MUG","imageUrl":"https://cdn.example.com/m.png",
				              "status":"active","externalUrlHandle":"mug"},
				   "variants":[{"id":"v-blue","title":"Blue","externalVariantId":"SKU-MUG-B","externalProductId":"SKU-MUG",
				                "status":"active","position":1}]}]}
				""")));

		List<RedeemRule> rules = this.launcher.shop().redeemRules(RewardType.PRODUCT_DISCOUNT);

		wireMock.verify(1, shopGet("/v1/shop/rules/redeem").withQueryParam("reward_type", equalTo("productdiscount")));
		assertThat(rules).hasSize(2);
		RedeemRule fixed = rules.get(0);
		assertThat(fixed.pointCost()).isEqualTo(500);
		assertThat(fixed.discountValue()).isEqualByComparingTo("5");
		assertThat(fixed.maxRedeemablePoints()).isNull();
		assertThat(fixed.product()).isNull();
		assertThat(fixed.variants()).isEmpty();
		assertThat(fixed.knownRewardType()).contains(RewardType.FIXED_AMOUNT_DISCOUNT);
		RedeemRule mug = rules.get(1);
		assertThat(mug.discountValue()).isEqualByComparingTo("12.5");
		assertThat(mug.minSpendAmount()).isEqualByComparingTo("20");
		assertThat(mug.maxRedeemablePoints()).isEqualTo(5000L);
		assertThat(mug.minRedeemablePoints()).isEqualTo(100L);
		assertThat(mug.product()).isNotNull();
		assertThat(mug.product().externalId()).isEqualTo("SKU-MUG");
		assertThat(mug.variants()).extracting(LauncherProductVariant::externalVariantId).containsExactly("SKU-MUG-B");
	}

	@Test
	void readsAllRedeemRulesWithoutAFilter() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/redeem")).willReturn(okJson("{\"rules\":[]}")));

		assertThat(this.launcher.shop().redeemRules(null)).isEmpty();
		wireMock.verify(1, shopGet("/v1/shop/rules/redeem").withQueryParam("reward_type", absent()));
	}

	@Test
	void readsReferralRules() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/referral")).willReturn(okJson("""
				{"rules":[{"id":"ref-rule","name":"Give £10, get £10","title":"Refer a friend",
				           "customTitle":null,"status":"Active","referralType":"amountdiscount"}]}
				""")));

		List<ReferralRule> rules = this.launcher.shop().referralRules();

		wireMock.verify(1, shopGet("/v1/shop/rules/referral"));
		assertThat(rules).containsExactly(new ReferralRule("ref-rule", "Give £10, get £10", "Refer a friend", null,
				"Active", "amountdiscount"));
	}

	@Test
	void readsTiersFromTheRulesEnvelope() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers")).willReturn(okJson("""
				{"rules":[{"id":"t-bronze","title":"Bronze","threshold":"0","perks":[]},
				          {"id":"t-silver","title":"Silver","threshold":200,"perks":["Free delivery","Early access"]}]}
				""")));

		List<LoyaltyTier> tiers = this.launcher.shop().tiers();

		wireMock.verify(1, shopGet("/v1/shop/tiers"));
		assertThat(tiers).containsExactly(new LoyaltyTier("t-bronze", "Bronze", "0", List.of()),
				new LoyaltyTier("t-silver", "Silver", "200", List.of("Free delivery", "Early access")));
	}

	@Test
	void readsOneTierFromTheTierEnvelope() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers/t-gold")).willReturn(okJson("""
				{"tier":{"id":"t-gold","title":"Gold","threshold":"500","perks":["Birthday gift"]}}
				""")));

		LoyaltyTier tier = this.launcher.shop().tier("t-gold").orElseThrow();

		wireMock.verify(1, shopGet("/v1/shop/tiers/t-gold"));
		assertThat(tier).isEqualTo(new LoyaltyTier("t-gold", "Gold", "500", List.of("Birthday gift")));
	}

	@Test
	void answersNoTierWhenTheTierIsUnknown() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers/t-none"))
			.willReturn(notFound().withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Tier not found\"}")));

		assertThat(this.launcher.shop().tier("t-none")).isEmpty();
	}

	@Test
	void readsTheStampCard() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/stamp-card")).willReturn(okJson("""
				{"success":true,
				 "stampCardSettings":{"id":"scs-1","createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-05T00:00:00Z",
				   "slots":10,"prefilledSlots":1,"productId":null,"collectionId":"c-coffee","wholeOrder":false,
				   "minimumOrderAmount":"15.00","widgetStyles":"{\\"color\\":\\"#333\\"}","widgetSettings":{"compact":true},
				   "widgetContent":"{}","cooldown":24},
				 "rewardRules":[{"id":"scr-1","shopId":"9d2fc1c8","stampCardSettingsId":"scs-1","position":10,
				   "title":"Free coffee","customTitle":null,"templateName":"productdiscount","pointsToAward":0,
				   "discountValue":3.5,"minRedeemablePoints":null,"maxRedeemablePoints":null,"appliesTo":"product",
				   "appliesToProductId":"SKU-COFFEE","appliesToCollectionId":null,"minSpendAmount":null,
				   "maxShippingAmount":null,"variantIds":["SKU-COFFEE-S",77],"discountPrefixValue":"STAMP",
				   "createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z","customerCount":12,
				   "externalPromotionId":null}]}
				""")));

		StampCard card = this.launcher.shop().stampCard();

		wireMock.verify(1, shopGet("/v1/shop/stamp-card"));
		assertThat(card.success()).isTrue();
		StampCardSettings settings = card.stampCardSettings();
		assertThat(settings).isNotNull();
		assertThat(settings.slots()).isEqualTo(10);
		assertThat(settings.prefilledSlots()).isEqualTo(1);
		assertThat(settings.collectionId()).isEqualTo("c-coffee");
		assertThat(settings.minimumOrderAmount()).isEqualTo("15.00");
		assertThat(settings.widgetStyles()).isEqualTo("{\"color\":\"#333\"}");
		assertThat(settings.widgetSettings()).isEqualTo("{\"compact\":true}");
		assertThat(settings.cooldown()).isEqualTo(24);
		assertThat(card.rewardRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.title()).isEqualTo("Free coffee");
			assertThat(rule.position()).isEqualTo(10);
			assertThat(rule.discountValue()).isEqualByComparingTo("3.5");
			assertThat(rule.variantIds()).containsExactly("SKU-COFFEE-S", "77");
			assertThat(rule.discountPrefixValue()).isEqualTo("STAMP");
			assertThat(rule.customerCount()).isEqualTo(12);
		});
	}

	private static RequestPatternBuilder shopGet(String path) {
		return getRequestedFor(urlPathEqualTo(PREFIX + path)).withQueryParam("shop", equalTo(SHOP_KEY))
			.withQueryParam("digest", absent())
			.withQueryParam("customer_email", absent())
			.withoutHeader("x-api-key");
	}

}
