package dev.influence4j.test;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Launcher API's routes, below {@code /launcher}. Customer calls prove who they are with {@code shop},
 * the customer's id and email and the digest: as query parameters ({@code customer_id},
 * {@code customer_email}) on GET, as {@code {"customer": {"id", "email"}, "shop", "digest"}} in the body on
 * POST and PUT.
 */
final class LauncherRoutes {

	private LauncherRoutes() {
	}

	static RouteTable create(SandboxState state, SandboxSettings settings, WireFormat wire, String launcherBaseUrl) {
		Shop shop = new Shop(settings.shopKey());
		return new RouteTable()
			.add("GET", "/v1/customer", "launcher.customer.get", customer(state, (call, who) -> state.launcherCustomer(who)))
			.add("POST", "/v1/customer/auth", "launcher.customer.auth",
					customer(state, (call, who) -> state.launcherCustomer(who)))
			.add("GET", "/v1/customer/points", "launcher.customer.points",
					customer(state, (call, who) -> state.pointsHistory(who, call.query().get("nextToken"))))
			.add("GET", "/v1/customer/all-rewards", "launcher.customer.rewards",
					customer(state, (call, who) -> state.activeRewards(who, call.query().get("type"),
							call.query().get("reward_type"), call.query().get("nextToken"))))
			.add("GET", "/v1/customer/all-rewards/count", "launcher.customer.rewards.count",
					customer(state, (call, who) -> state.activeRewardCount(who, call.query().get("type"),
							call.query().get("reward_type"))))
			.add("POST", "/v1/customer/redeem", "launcher.customer.redeem",
					customer(state, (call, who) -> state.redeem(who, call.body())))
			.add("PUT", "/v1/customer/birthday", "launcher.customer.birthday",
					customer(state, (call, who) -> state.setBirthday(who, call.body())))
			.add("POST", "/v1/customer/dynamic-link", "launcher.customer.dynamicLink",
					customer(state, (call, who) -> Answer.ok(WireFormat.object()
						.put("success", true)
						.put("points", 0)
						.put("action", "Landing page visited")
						.put("updatedBalance", who.pointBalance))))
			.add("POST", "/v1/customer/social", "launcher.customer.social",
					customer(state, (call, who) -> Answer.ok(WireFormat.object()
						.put("success", true)
						.put("points", 0)
						.put("action", "Social action")
						.put("updatedBalance", who.pointBalance)
						.put("socialAction", "follow"))))
			.add("GET", "/v1/customer/referrals", "launcher.customer.referrals",
					customer(state, (call, who) -> emptyItems()))
			.add("GET", "/v1/customer/uploads", "launcher.customer.uploads", customer(state, (call, who) -> emptyItems()))
			.add("GET", "/v1/customer/stamps", "launcher.customer.stamps", customer(state, (call, who) -> {
				ObjectNode body = WireFormat.object().put("count", 0);
				body.putArray("stamps");
				return Answer.ok(body);
			}))
			.add("POST", "/v1/customer/upload-file", "launcher.customer.uploadFile",
					customer(state, (call, who) -> Answer.ok(WireFormat.object()
						.put("success", true)
						.put("url", launcherBaseUrl + "/uploads/" + UUID.randomUUID()))))
			.add("GET", "/v1/customer/loyalty-card-lookup", "launcher.customer.loyaltyCardLookup",
					shop.call((call) -> {
						String key = call.query().get("lookup_key");
						if (key == null || key.isBlank()) {
							throw ApiError.launcher(400, "LookupKeyRequired");
						}
						return state.loyaltyCardLookup(key)
							.map(Answer::ok)
							.orElseThrow(() -> ApiError.launcher(404, "CustomerNotFound"));
					}))
			.add("GET", "/v1/shop", "launcher.shop.get", shop.call((call) -> Answer.ok(wire.shop())))
			.add("GET", "/v1/shop/rules/earn", "launcher.shop.rules.earn",
					shop.call((call) -> rules(wire.earnRules())))
			.add("GET", "/v1/shop/rules/earn/{id}/exclusions/product", "launcher.shop.rules.earn.productExclusions",
					shop.call((call) -> Answer.ok(WireFormat.array())))
			.add("GET", "/v1/shop/rules/earn/{id}/exclusions/variant", "launcher.shop.rules.earn.variantExclusions",
					shop.call((call) -> Answer.ok(WireFormat.array())))
			.add("GET", "/v1/shop/rules/redeem", "launcher.shop.rules.redeem", shop.call((call) -> {
				String rewardType = call.query().get("reward_type");
				ArrayNode rules = WireFormat.array();
				settings.redeemRules()
					.stream()
					.filter((rule) -> rewardType == null || rewardType.isBlank() || rewardType.equals(rule.rewardType()))
					.forEach((rule) -> rules.add(wire.redeemRule(rule)));
				return rules(rules);
			}))
			.add("GET", "/v1/shop/rules/referral", "launcher.shop.rules.referral", shop.call((call) -> {
				ArrayNode rules = WireFormat.array();
				rules.addObject()
					.put("id", "referral-default")
					.put("name", "Refer a friend")
					.put("title", "Refer a friend")
					.put("customTitle", "Give 10% off, get 10% off")
					.put("status", "active")
					.put("referralType", "percentageoff");
				return rules(rules);
			}))
			.add("GET", "/v1/shop/tiers", "launcher.shop.tiers", shop.call((call) -> {
				ArrayNode tiers = WireFormat.array();
				SandboxTier.LADDER.forEach((tier) -> tiers.add(wire.tier(tier)));
				// The OpenAPI really names this envelope "rules".
				return rules(tiers);
			}))
			.add("GET", "/v1/shop/tiers/{id}", "launcher.shop.tier", shop.call((call) -> SandboxTier.LADDER.stream()
				.filter((tier) -> tier.id().equals(call.variable("id")))
				.findFirst()
				.map((tier) -> Answer.enveloped("tier", wire.tier(tier)))
				.orElseThrow(() -> ApiError.launcher(404, "TierNotFound"))))
			.add("GET", "/v1/shop/stamp-card", "launcher.shop.stampCard", shop.call((call) -> {
				ObjectNode body = WireFormat.object().put("success", true);
				body.putObject("stampCardSettings")
					.put("id", "stamp-card-default")
					.put("slots", 10)
					.put("prefilledSlots", 0)
					.putNull("productId")
					.putNull("collectionId")
					.put("wholeOrder", true)
					.put("minimumOrderAmount", "0")
					.put("cooldown", 0);
				body.putArray("rewardRules");
				return Answer.ok(body);
			}))
			.add("GET", "/v1/shop/memberships", "launcher.shop.memberships", shop.call((call) -> {
				ObjectNode body = WireFormat.object();
				ObjectNode membership = body.putArray("memberships")
					.addObject()
					.put("id", WireFormat.DEFAULT_MEMBERSHIP_ID)
					.put("title", WireFormat.membershipTitle(WireFormat.DEFAULT_MEMBERSHIP_ID))
					.put("description", "Default membership")
					.put("customerCount", state.customers()
						.stream()
						.filter((customer) -> WireFormat.DEFAULT_MEMBERSHIP_ID.equals(customer.currentMembershipId()))
						.count());
				membership.putArray("perks");
				return Answer.ok(body);
			}));
	}

	/**
	 * A customer call: credentials from the query on GET, from the body otherwise (the stamps endpoint's
	 * specification puts them in a GET body, so a GET without them in the query looks there too).
	 */
	private static Function<SandboxCall, Answer> customer(SandboxState state,
			BiFunction<SandboxCall, CustomerRecord, Answer> call) {
		return (request) -> state.asCustomer(credentials(request), (who) -> call.apply(request, who));
	}

	private static SandboxState.LauncherCredentials credentials(SandboxCall call) {
		boolean fromQuery = "GET".equals(call.method()) && call.query().containsKey("shop");
		if (fromQuery || !call.body().isObject()) {
			return new SandboxState.LauncherCredentials(call.query().get("shop"), call.query().get("customer_id"),
					call.query().get("customer_email"), call.query().get("digest"));
		}
		JsonNode body = call.body();
		JsonNode customer = body.path("customer");
		return new SandboxState.LauncherCredentials(text(body.path("shop")), text(customer.path("id")),
				text(customer.path("email")), text(body.path("digest")));
	}

	private static @Nullable String text(JsonNode node) {
		// Ids are strings in the OpenAPI's bodies, but some clients send numeric ids.
		if (node.isString()) {
			return node.stringValue();
		}
		return node.isIntegralNumber() ? node.asString() : null;
	}

	private static Answer emptyItems() {
		ObjectNode body = WireFormat.object();
		body.putArray("items");
		return Answer.ok(body);
	}

	private static Answer rules(ArrayNode rules) {
		ObjectNode body = WireFormat.object();
		body.set("rules", rules);
		return Answer.ok(body);
	}

	/**
	 * Shop-level calls: only {@code shop}, which must be this sandbox's shop key.
	 */
	private record Shop(String shopKey) {

		Function<SandboxCall, Answer> call(Function<SandboxCall, Answer> handler) {
			return (call) -> {
				String shop = call.query().get("shop");
				if (shop == null || shop.isBlank()) {
					throw ApiError.launcher(400, "ShopRequired");
				}
				if (!this.shopKey.equals(shop)) {
					throw ApiError.launcher(404, "ShopNotFound");
				}
				return handler.apply(call);
			};
		}

	}

}
