package dev.influence4j.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer and webhook body the sandbox writes, in one place: the field names follow
 * {@code influence-api.md} (Platform customer §3.3, webhook bodies §4.3/§4.4) and the Launcher OpenAPI
 * document.
 */
final class WireFormat {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Host of the referral short links Influence.io was seen to use. */
	private static final String REFERRAL_HOST = "https://r.infl.co/";

	static final String DEFAULT_MEMBERSHIP_ID = "membership-default";

	private final String shopId;

	private final SandboxSettings settings;

	WireFormat(String shopId, SandboxSettings settings) {
		this.shopId = shopId;
		this.settings = settings;
	}

	static ObjectNode object() {
		return NODES.objectNode();
	}

	static ArrayNode array() {
		return NODES.arrayNode();
	}

	/** A customer as the Platform API answers it. */
	ObjectNode platformCustomer(CustomerRecord customer) {
		ObjectNode json = object().put("id", customer.id)
			.put("externalId", customer.externalId)
			.put("email", customer.email)
			.put("firstName", customer.firstName)
			.put("lastName", customer.lastName)
			.put("name", customer.name)
			.put("phone", customer.phone)
			.put("customerType", customer.customerType)
			.put("pointBalance", customer.pointBalance)
			.put("referralLink", customer.referralLink)
			.put("referralsCompleted", 0)
			.put("currentLoyaltyTierId", customer.tier().id())
			.put("currentLoyaltyTierProgress", customer.tierProgress)
			.put("currentMembershipId", customer.membershipId)
			.put("birthdayMonth", customer.birthdayMonth)
			.put("birthdayDay", customer.birthdayDay)
			.put("lifetimeStampsEarned", 0);
		return timestamps(json, customer).put("lastSeenAt", instant(customer.lastSeenAt));
	}

	/** A customer as the Launcher's {@code GET /v1/customer} answers it. */
	ObjectNode launcherCustomer(CustomerRecord customer) {
		ObjectNode json = object().put("id", customer.id)
			.put("email", customer.email)
			.put("firstName", customer.firstName)
			.put("lastName", customer.lastName)
			.put("name", customer.name)
			.put("customerType", customer.customerType)
			.put("referralLink", customer.referralLink)
			.put("referralsCompleted", 0)
			.put("shopifyCustomerId", customer.externalId)
			.put("pointBalance", customer.pointBalance)
			.put("shareFacebook", false)
			.put("shareTwitter", false)
			.put("likeFacebook", false)
			.put("followTwitter", false)
			.put("followTikTok", false)
			.put("followInstagram", false)
			.put("birthdayMonth", customer.birthdayMonth)
			.put("birthdayDay", customer.birthdayDay);
		timestamps(json, customer).put("currentLoyaltyTierProgress", customer.tierProgress)
			.put("currentLoyaltyTierId", customer.tier().id())
			.put("lifetimeStampsEarned", 0)
			.put("currentMembershipId", customer.membershipId);
		if (customer.membershipId != null) {
			json.putObject("currentMembership")
				.put("id", customer.membershipId)
				.put("title", membershipTitle(customer.membershipId));
		}
		else {
			json.putNull("currentMembership");
		}
		return json;
	}

	/** The customer object of webhook bodies (§4.3). */
	ObjectNode webhookCustomer(CustomerRecord customer) {
		ObjectNode json = object().put("id", customer.id)
			.put("externalId", customer.externalId)
			.put("email", customer.email)
			.put("name", customer.name)
			.put("birthdayMonth", customer.birthdayMonth)
			.put("birthdayDay", customer.birthdayDay)
			.put("referralUrl", REFERRAL_HOST + customer.referralLink)
			.put("pointBalance", customer.pointBalance);
		SandboxTier tier = customer.tier();
		json.putObject("currentLoyaltyTier").put("id", tier.id()).put("title", tier.title());
		return timestamps(json, customer);
	}

	ObjectNode order(OrderRecord order) {
		OrderRecord.OrderInput input = order.input;
		ObjectNode json = object().put("id", order.id)
			.put("orderId", order.orderId)
			.put("customerId", input.customerId())
			.put("influenceCustomerId", order.customerUuid)
			.put("email", input.email())
			.put("financialStatus", input.financialStatus())
			.put("totalPrice", input.totalPrice().toPlainString())
			.put("currency", input.currency())
			.put("createdAt", instant(input.createdAt()));
		json.set("lineItems", copyArray(order.state.get("lineItems")));
		json.set("discountCodes", copyArray(order.state.get("discountCodes")));
		return json.put("pointsEarned", order.pointsEarned)
			.put("pointsDeducted", order.deducted)
			.put("receivedAt", instant(order.receivedAt))
			.put("updatedAt", instant(order.updatedAt));
	}

	/** A point activity as the Launcher's points history lists it. */
	ObjectNode activity(SandboxPointActivity activity) {
		return object().put("id", activity.id())
			.put("shopId", this.shopId)
			.put("customerId", activity.customerId())
			.put("action", activity.action())
			.put("points", activity.points())
			.put("type", activity.type())
			.put("status", "active")
			.put("couponCode", activity.couponCode())
			.putNull("customerNote")
			.putNull("customDescription")
			.put("earnRuleId", activity.earnRuleId())
			.put("redeemRuleId", activity.redeemRuleId())
			.put("rewardType", activity.rewardType())
			.putNull("shopifyPriceRuleId")
			.putNull("shopifyDiscountCodeId")
			.put("createdAt", instant(activity.createdAt()))
			.put("updatedAt", instant(activity.createdAt()))
			.putNull("owner");
	}

	/** An active reward as the Launcher's {@code GET /v1/customer/all-rewards} lists it. */
	ObjectNode reward(IssuedReward reward) {
		return object().put("id", reward.id())
			.put("customerId", reward.customerId())
			.put("couponCode", reward.couponCode())
			.put("title", reward.title())
			.put("pointsSpent", reward.pointsSpent())
			.put("type", "PointActivity")
			.put("createdAt", instant(reward.createdAt()))
			.put("updatedAt", instant((reward.usedAt() != null) ? reward.usedAt() : reward.createdAt()))
			.put("rewardType", reward.rewardType());
	}

	ObjectNode redeemRule(SandboxRedeemRule rule) {
		ObjectNode json = object().put("id", rule.id())
			.put("title", rule.title())
			.put("customTitle", rule.title())
			.put("pointCost", rule.pointCost());
		number(json, "discountValue", rule.discountValue());
		json.put("templateName", rule.templateName())
			.put("redeemType", rule.redeemType())
			.put("rewardType", rule.rewardType())
			.put("maxRedeemablePoints", rule.maxRedeemablePoints())
			.put("minRedeemablePoints", rule.minRedeemablePoints());
		number(json, "minSpendAmount", rule.minSpendAmount());
		json.put("status", "active").putNull("product");
		json.putArray("variants");
		return json;
	}

	ArrayNode earnRules() {
		ArrayNode rules = array();
		BigDecimal rate = this.settings.pointsPerCurrencyUnit();
		rules.addObject()
			.put("id", InfluenceSandbox.PLACE_ORDER_EARN_RULE_ID)
			.put("title", "Place an order")
			.put("customTitle", "Place an order")
			.put("summary", "Earn " + rate.toPlainString() + " points per 1.00 spent")
			.put("earnType", "increments")
			.put("earnValue", rate.toPlainString())
			.put("willExpire", "false")
			.putNull("startDate")
			.putNull("expiryDate")
			.putNull("socialUrl")
			.put("templateName", "placeOrder")
			.put("limitTiers", "false")
			.put("loyaltyTierIds", "")
			.putNull("message")
			.putNull("integrationEventName");
		rules.addObject()
			.put("id", InfluenceSandbox.GENERAL_PURPOSE_EARN_RULE_ID)
			.put("title", "General purpose")
			.put("customTitle", "Bonus points")
			.put("summary", "Earn " + InfluenceSandbox.GENERAL_PURPOSE_POINTS + " points")
			.put("earnType", "fixed")
			.put("earnValue", String.valueOf(InfluenceSandbox.GENERAL_PURPOSE_POINTS))
			.put("willExpire", "false")
			.putNull("startDate")
			.putNull("expiryDate")
			.putNull("socialUrl")
			.put("templateName", "generalPurpose")
			.put("limitTiers", "false")
			.put("loyaltyTierIds", "")
			.putNull("message")
			.put("integrationEventName", "general-purpose");
		return rules;
	}

	ObjectNode tier(SandboxTier tier) {
		ObjectNode json = object().put("id", tier.id())
			.put("title", tier.title())
			.put("threshold", String.valueOf(tier.threshold()));
		ArrayNode perks = json.putArray("perks");
		tier.perks().forEach(perks::add);
		return json;
	}

	/** A tier as {@code customers/tier_changed} carries it. */
	ObjectNode tierReference(SandboxTier tier) {
		return object().put("id", tier.id()).put("title", tier.title()).put("threshold", String.valueOf(tier.threshold()));
	}

	ObjectNode shop() {
		return object().put("id", this.shopId)
			.put("shopKey", this.settings.shopKey())
			.put("storeCurrency", this.settings.storeCurrency())
			.put("pointCurrency", "points")
			.put("pointStatus", "active")
			.put("referralStatus", "active")
			.putNull("referralAliasUrl")
			.put("tierStatus", "active")
			.put("stampCardStatus", "inactive");
	}

	ObjectNode subscription(String id, String topic, String address, Instant createdAt) {
		return object().put("id", id).put("topic", topic).put("address", address).put("createdAt", instant(createdAt));
	}

	/**
	 * One page of a list.
	 * @param itemsField the field holding the items, for example {@code customers}
	 * @param tokenField the field holding the next-page token, left out on the last page
	 * @param all every item matching the filters
	 * @param offset the items the previous pages held
	 * @param filters the filters, carried in the next-page token
	 * @return the page
	 */
	ObjectNode page(String itemsField, String tokenField, List<? extends JsonNode> all, int offset,
			Map<String, String> filters) {
		int pageSize = this.settings.pageSize();
		int from = Math.min(offset, all.size());
		int to = Math.min(from + pageSize, all.size());
		ObjectNode json = object();
		ArrayNode items = json.putArray(itemsField);
		all.subList(from, to).forEach(items::add);
		if (to < all.size()) {
			json.put(tokenField, new PageToken(to, filters).encode());
		}
		return json;
	}

	static String membershipTitle(String membershipId) {
		return DEFAULT_MEMBERSHIP_ID.equals(membershipId) ? "Members" : membershipId;
	}

	static @Nullable String instant(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/** Whole amounts as integers (the OpenAPI types them so), others as plain decimals. */
	static void number(ObjectNode json, String field, BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() <= 0) {
			json.put(field, stripped.longValueExact());
		}
		else {
			json.put(field, new BigDecimal(stripped.toPlainString()));
		}
	}

	private static ObjectNode timestamps(ObjectNode json, CustomerRecord customer) {
		return json.put("createdAt", instant(customer.createdAt)).put("updatedAt", instant(customer.updatedAt));
	}

	private static ArrayNode copyArray(@Nullable JsonNode node) {
		return (node != null && node.isArray()) ? (ArrayNode) node.deepCopy() : array();
	}

}
