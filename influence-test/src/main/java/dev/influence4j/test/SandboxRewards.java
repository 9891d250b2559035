package dev.influence4j.test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rewards room: the shop's redeem rules, the codes a redemption issues, and their use (by an order
 * carrying the code, or {@code POST /v1/rewards/{code}/use}). Runs only under {@link SandboxState}'s lock
 * and never locks itself; it spends points through the {@link SandboxLedger} and raises
 * {@code points/redeemed} through {@link SandboxSubscriptions}.
 */
final class SandboxRewards {

	private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final List<SandboxRedeemRule> rules;

	private final Clock clock;

	private final WireFormat wire;

	private final SandboxLedger ledger;

	private final SandboxSubscriptions subscriptions;

	/** Codes must never repeat, not even across sandboxes: a shop's test database may outlive one. */
	private final SecureRandom random = new SecureRandom();

	private final Map<String, IssuedReward> rewardsByCode = new LinkedHashMap<>();

	SandboxRewards(List<SandboxRedeemRule> rules, Clock clock, WireFormat wire, SandboxLedger ledger,
			SandboxSubscriptions subscriptions) {
		this.rules = rules;
		this.clock = clock;
		this.wire = wire;
		this.ledger = ledger;
		this.subscriptions = subscriptions;
	}

	/**
	 * The rules, checked for a shop: none missing, ids distinct.
	 * @param rules the rules
	 * @return an unmodifiable copy
	 * @throws IllegalArgumentException when an id repeats
	 */
	static List<SandboxRedeemRule> distinct(List<SandboxRedeemRule> rules) {
		Objects.requireNonNull(rules, "redeem rules");
		Set<String> ids = new LinkedHashSet<>();
		for (SandboxRedeemRule rule : rules) {
			if (!ids.add(Objects.requireNonNull(rule, "redeem rule").id())) {
				throw new IllegalArgumentException("redeem rule ids must be distinct but " + rule.id() + " repeats");
			}
		}
		return List.copyOf(rules);
	}

	// Platform

	Answer use(String couponCode) {
		IssuedReward reward = this.rewardsByCode.get(couponCode.toUpperCase(Locale.ROOT));
		if (reward == null) {
			throw ApiError.platform(404, "Reward not found");
		}
		markUsed(reward, null, this.clock.instant());
		return Answer.success();
	}

	/** Mark every issued, unused code the order carries as used in it. */
	void useInOrder(List<String> discountCodes, String orderId, Instant now) {
		for (String code : discountCodes) {
			IssuedReward reward = this.rewardsByCode.get(code.toUpperCase(Locale.ROOT));
			if (reward != null && !reward.used()) {
				markUsed(reward, orderId, now);
			}
		}
	}

	// Launcher

	Answer active(CustomerRecord customer, @Nullable String type, @Nullable String rewardType,
			@Nullable String nextToken) {
		List<ObjectNode> items = activeOf(customer, type, rewardType).stream().map(this.wire::reward).toList();
		return Answer.ok(this.wire.page("items", "nextToken", items, PageToken.launcherOffset(nextToken), Map.of()));
	}

	Answer activeCount(CustomerRecord customer, @Nullable String type, @Nullable String rewardType) {
		return Answer.ok(WireFormat.object().put("count", activeOf(customer, type, rewardType).size()));
	}

	Answer redeem(CustomerRecord customer, JsonNode body) {
		JsonNode ruleIdNode = body.path("ruleId");
		if (!ruleIdNode.isString() || ruleIdNode.stringValue().isBlank()) {
			throw ApiError.launcher(400, "RuleRequired");
		}
		SandboxRedeemRule rule = this.rules.stream()
			.filter((candidate) -> candidate.id().equals(ruleIdNode.stringValue()))
			.findFirst()
			.orElseThrow(() -> ApiError.launcher(404, "RuleNotFound"));
		long cost = rule.pointCost();
		BigDecimal discount = rule.discountValue();
		if (SandboxRedeemRule.INCREMENTS.equals(rule.redeemType())) {
			JsonNode pointsNode = body.path("points");
			long points = pointsNode.isIntegralNumber() ? pointsNode.longValue() : -1;
			long min = (rule.minRedeemablePoints() != null) ? rule.minRedeemablePoints() : rule.pointCost();
			long max = (rule.maxRedeemablePoints() != null) ? rule.maxRedeemablePoints() : Long.MAX_VALUE;
			if (points < min || points > max || points % rule.pointCost() != 0) {
				throw ApiError.launcher(400, "InvalidPoints");
			}
			cost = points;
			discount = rule.discountValue().multiply(BigDecimal.valueOf(points / rule.pointCost()));
		}
		// For fixed rules a points value (some clients send 0) is ignored, as the OpenAPI describes.
		if (customer.pointBalance < cost) {
			throw ApiError.launcher(400, "InsufficientPoints");
		}
		Instant now = this.clock.instant();
		String couponCode = newCouponCode();
		SandboxPointActivity activity = this.ledger.changePoints(customer, -cost, SandboxPointActivity.REDEEM,
				"Redeemed " + rule.title(), null, rule.id(), couponCode, rule.rewardType(), null, true, false);
		IssuedReward reward = new IssuedReward(UUID.randomUUID().toString(), couponCode, customer.id,
				customer.externalId, rule.id(), rule.title(), rule.rewardType(), discount, cost, false, null, now, null);
		this.rewardsByCode.put(couponCode, reward);
		ObjectNode redeemRule = this.wire.redeemRule(rule);
		WireFormat.number(redeemRule, "discountValue", discount);
		ObjectNode event = WireFormat.object().put("id", activity.id());
		event.set("customer", this.wire.webhookCustomer(customer));
		event.put("action", activity.action())
			.put("points", cost)
			.put("type", SandboxPointActivity.REDEEM)
			.put("ruleId", rule.id())
			.put("couponCode", couponCode)
			.put("rewardType", rule.rewardType())
			.set("redeemRule", redeemRule);
		this.subscriptions.emit("points/redeemed", event);
		return Answer.ok(WireFormat.object().put("success", true).put("couponCode", couponCode));
	}

	// Access for tests

	List<IssuedReward> issued() {
		return List.copyOf(this.rewardsByCode.values());
	}

	void reset() {
		this.rewardsByCode.clear();
	}

	private List<IssuedReward> activeOf(CustomerRecord customer, @Nullable String type, @Nullable String rewardType) {
		// Every reward the sandbox issues comes from a points redemption: type PointActivity.
		if (type != null && !type.isBlank() && !"PointActivity".equals(type)) {
			return List.of();
		}
		List<IssuedReward> active = new ArrayList<>();
		List<IssuedReward> all = new ArrayList<>(this.rewardsByCode.values());
		for (int i = all.size() - 1; i >= 0; i--) {
			IssuedReward reward = all.get(i);
			if (reward.customerId().equals(customer.id) && !reward.used()
					&& (rewardType == null || rewardType.isBlank() || rewardType.equals(reward.rewardType()))) {
				active.add(reward);
			}
		}
		return active;
	}

	private void markUsed(IssuedReward reward, @Nullable String orderId, Instant now) {
		if (reward.used()) {
			return;
		}
		this.rewardsByCode.put(reward.couponCode(),
				new IssuedReward(reward.id(), reward.couponCode(), reward.customerId(), reward.externalCustomerId(),
						reward.ruleId(), reward.title(), reward.rewardType(), reward.discountValue(), reward.pointsSpent(),
						true, orderId, reward.createdAt(), now));
	}

	private String newCouponCode() {
		String code;
		do {
			StringBuilder text = new StringBuilder("INF-");
			for (int i = 0; i < 10; i++) {
				text.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
			}
			code = text.toString();
		}
		while (this.rewardsByCode.containsKey(code));
		return code;
	}

}
