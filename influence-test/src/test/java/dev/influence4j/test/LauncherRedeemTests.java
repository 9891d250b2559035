package dev.influence4j.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redeeming points through the Launcher: the coupon code, the balance, the history, the active rewards and
 * the {@code points/redeemed} webhook the shop must act on.
 */
@InfluenceSandboxTest
class LauncherRedeemTests {

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	private RecordingWebhookEndpoint shop;

	LauncherRedeemTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@BeforeEach
	void shopListens() {
		this.shop = new RecordingWebhookEndpoint();
		this.sandbox.subscribe("points/redeemed", this.shop.address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 1200);
	}

	@AfterEach
	void shopStops() {
		this.shop.close();
	}

	@Test
	void redeemingIssuesACouponSpendsThePointsAndNotifiesTheShop() {
		RawHttp.Response answer = this.http.launcher("POST", "/v1/customer/redeem",
				this.http.customerBody("c-1", "jane@example.com").put("ruleId", "redeem-500-5-off").put("points", 0));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().path("success").asBoolean()).isTrue();
		String couponCode = answer.body().path("couponCode").asString();
		assertThat(couponCode).matches("INF-[A-Z0-9]{10}");
		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(700);
		assertThat(this.sandbox.issuedRewards()).singleElement().satisfies((reward) -> {
			assertThat(reward.couponCode()).isEqualTo(couponCode);
			assertThat(reward.pointsSpent()).isEqualTo(500);
			assertThat(reward.rewardType()).isEqualTo("fixedamountdiscount");
			assertThat(reward.discountValue()).isEqualByComparingTo("5.00");
			assertThat(reward.used()).isFalse();
		});

		await().atMost(Duration.ofSeconds(5)).until(() -> this.shop.received("points/redeemed").size() == 1);
		RecordingWebhookEndpoint.Received delivery = this.shop.received("points/redeemed").get(0);
		assertThat(delivery.method()).isEqualTo("POST");
		assertThat(delivery.contentType()).startsWith("application/json");
		assertThat(delivery.webhookId()).isNotBlank();
		JsonNode body = delivery.body();
		assertThat(body.path("couponCode").asString()).isEqualTo(couponCode);
		assertThat(body.path("points").asLong()).isEqualTo(500);
		assertThat(body.path("ruleId").asString()).isEqualTo("redeem-500-5-off");
		assertThat(body.path("rewardType").asString()).isEqualTo("fixedamountdiscount");
		assertThat(body.path("redeemRule").path("pointCost").asLong()).isEqualTo(500);
		assertThat(body.path("redeemRule").path("discountValue").asInt()).isEqualTo(5);
		assertThat(body.path("customer").path("externalId").asString()).isEqualTo("c-1");
		assertThat(body.path("customer").path("pointBalance").asLong()).isEqualTo(700);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.sandbox.webhookDeliveries()).singleElement().satisfies((attempt) -> {
				assertThat(attempt.webhookId()).isEqualTo(delivery.webhookId());
				assertThat(attempt.topic()).isEqualTo("points/redeemed");
				assertThat(attempt.status()).isEqualTo(200);
			}));
	}

	@Test
	void redeemingMoreThanTheBalanceIsRefused() {
		this.http.launcher("POST", "/v1/customer/redeem",
				this.http.customerBody("c-1", "jane@example.com").put("ruleId", "redeem-1000-10-percent"));

		RawHttp.Response answer = this.http.launcher("POST", "/v1/customer/redeem",
				this.http.customerBody("c-1", "jane@example.com").put("ruleId", "redeem-1000-10-percent"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().path("error").asString()).isEqualTo("InsufficientPoints");
		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(200);
		assertThat(this.sandbox.issuedRewards()).hasSize(1);
	}

	@Test
	void unknownRuleIsNotFound() {
		RawHttp.Response answer = this.http.launcher("POST", "/v1/customer/redeem",
				this.http.customerBody("c-1", "jane@example.com").put("ruleId", "nope"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().path("error").asString()).isEqualTo("RuleNotFound");
	}

	@Test
	void historyListsEveryChangeNewestFirstInPages() {
		try (InfluenceSandbox small = InfluenceSandbox.builder().pageSize(2).start()) {
			RawHttp smallHttp = new RawHttp(small);
			small.addCustomer("c-1", "jane@example.com", 1000);
			smallHttp.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":5,\"action\":\"second\"}"));
			smallHttp.launcher("POST", "/v1/customer/redeem",
					smallHttp.customerBody("c-1", "jane@example.com").put("ruleId", "redeem-500-5-off"));

			JsonNode first = smallHttp.launcherGet("/v1/customer/points", smallHttp.customerQuery("c-1", "jane@example.com"))
				.body();
			Map<String, String> next = smallHttp.customerQuery("c-1", "jane@example.com");
			next.put("nextToken", first.path("nextToken").asString());
			JsonNode second = smallHttp.launcherGet("/v1/customer/points", next).body();

			assertThat(first.path("items")).extracting((item) -> item.path("points").asLong())
				.containsExactly(-500L, 5L);
			assertThat(first.path("items").get(0).path("type").asString()).isEqualTo("redeem");
			assertThat(first.path("items").get(0).path("couponCode").asString()).startsWith("INF-");
			assertThat(second.path("items")).extracting((item) -> item.path("action").asString())
				.containsExactly("Starting balance");
			assertThat(second.has("nextToken")).isFalse();
		}
	}

	@Test
	void activeRewardsListUnusedCodesUntilAnOrderCarriesThem() {
		String first = redeem("redeem-500-5-off");
		String second = redeem("redeem-500-5-off");

		assertThat(activeCodes()).containsExactly(second, first);
		assertThat(this.http.launcherGet("/v1/customer/all-rewards/count",
				this.http.customerQuery("c-1", "jane@example.com")).body().path("count").asInt()).isEqualTo(2);

		RawHttp.Response order = this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "30.00")
			.set("discountCodes", RawHttp.JSON.createArrayNode().add(RawHttp.JSON.createObjectNode().put("code", first))));
		assertThat(order.status()).isEqualTo(200);

		assertThat(activeCodes()).containsExactly(second);
		assertThat(this.sandbox.issuedRewards()).filteredOn(IssuedReward::used)
			.singleElement()
			.satisfies((used) -> assertThat(used.usedInOrderId()).isEqualTo("1001"));

		assertThat(this.http.platform("POST", "/v1/rewards/" + second + "/use", RawHttp.json("{\"couponCode\":\"" + second + "\"}"))
			.body()
			.path("success")
			.asBoolean()).isTrue();
		assertThat(activeCodes()).isEmpty();
	}

	@Test
	void incrementRulesSpendTheChosenPoints() {
		try (InfluenceSandbox custom = InfluenceSandbox.builder()
			.redeemRules(SandboxRedeemRule.amountOffInIncrements("redeem-steps", 100, new java.math.BigDecimal("1.00"),
					200, 1000))
			.start()) {
			RawHttp customHttp = new RawHttp(custom);
			custom.addCustomer("c-1", "jane@example.com", 1000);

			RawHttp.Response ok = customHttp.launcher("POST", "/v1/customer/redeem",
					customHttp.customerBody("c-1", "jane@example.com").put("ruleId", "redeem-steps").put("points", 300));
			RawHttp.Response offStep = customHttp.launcher("POST", "/v1/customer/redeem",
					customHttp.customerBody("c-1", "jane@example.com").put("ruleId", "redeem-steps").put("points", 250));

			assertThat(ok.status()).isEqualTo(200);
			assertThat(custom.customer("c-1").orElseThrow().pointBalance()).isEqualTo(700);
			assertThat(custom.issuedRewards()).singleElement()
				.satisfies((reward) -> assertThat(reward.discountValue()).isEqualByComparingTo("3.00"));
			assertThat(offStep.status()).isEqualTo(400);
		}
	}

	@Test
	void shopRulesAndTiersAreListed() {
		JsonNode redeem = this.http.launcherGet("/v1/shop/rules/redeem", Map.of("shop", "test-shop")).body();
		JsonNode earn = this.http.launcherGet("/v1/shop/rules/earn", Map.of("shop", "test-shop")).body();
		JsonNode tiers = this.http.launcherGet("/v1/shop/tiers", Map.of("shop", "test-shop")).body();
		JsonNode percentOnly = this.http
			.launcherGet("/v1/shop/rules/redeem", Map.of("shop", "test-shop", "reward_type", "percentageoff"))
			.body();

		assertThat(redeem.path("rules")).extracting((rule) -> rule.path("id").asString())
			.containsExactly("redeem-500-5-off", "redeem-1000-10-percent");
		assertThat(redeem.path("rules").get(0).path("pointCost").asLong()).isEqualTo(500);
		assertThat(redeem.path("rules").get(1).path("discountValue").asInt()).isEqualTo(10);
		assertThat(percentOnly.path("rules")).hasSize(1);
		assertThat(earn.path("rules")).extracting((rule) -> rule.path("templateName").asString())
			.contains("placeOrder");
		assertThat(tiers.path("rules")).extracting((tier) -> tier.path("threshold").asString())
			.containsExactly("0", "500", "1000");
	}

	@Test
	void tierFollowsLifetimeEarnings() {
		this.sandbox.addCustomer("c-2", "john@example.com", 0);

		this.http.platform("POST", "/v1/orders", RawHttp.order("1", "c-2", "paid", "600.00"));

		JsonNode profile = this.http.launcherGet("/v1/customer", this.http.customerQuery("c-2", "john@example.com")).body();
		assertThat(profile.path("currentLoyaltyTierId").asString()).isEqualTo("tier-silver");
		assertThat(profile.path("currentLoyaltyTierProgress").asLong()).isEqualTo(600);
	}

	private String redeem(String ruleId) {
		return this.http.launcher("POST", "/v1/customer/redeem",
				this.http.customerBody("c-1", "jane@example.com").put("ruleId", ruleId))
			.body()
			.path("couponCode")
			.asString();
	}

	private List<String> activeCodes() {
		JsonNode rewards = this.http.launcherGet("/v1/customer/all-rewards",
				this.http.customerQuery("c-1", "jane@example.com")).body();
		return rewards.path("items").valueStream().map((item) -> item.path("couponCode").asString()).toList();
	}

}
