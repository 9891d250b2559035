package dev.influence4j.test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The points ledger: every change of a customer's balance is an activity, kept in order; earnings raise
 * {@code points/earned}, a move of tier {@code customers/tier_changed}. Runs only under {@link SandboxState}'s
 * lock and never locks itself; it finds customers in {@link SandboxCustomers} and raises webhooks through
 * {@link SandboxSubscriptions}.
 */
final class SandboxLedger {

	private final Clock clock;

	private final WireFormat wire;

	private final SandboxCustomers customers;

	private final SandboxSubscriptions subscriptions;

	private final List<SandboxPointActivity> activities = new ArrayList<>();

	SandboxLedger(Clock clock, WireFormat wire, SandboxCustomers customers, SandboxSubscriptions subscriptions) {
		this.clock = clock;
		this.wire = wire;
		this.customers = customers;
		this.subscriptions = subscriptions;
	}

	// Points (Platform)

	Answer awardPoints(String externalId, RequestFields body) {
		Long points = body.whole("points");
		String action = body.text("action");
		String earnRuleId = body.text("earnRuleId");
		Boolean updateLastSeenAt = body.flag("updateLastSeenAt");
		CustomerRecord customer = this.customers.require(externalId);
		if (points != null && points <= 0) {
			throw ApiError.invalid("points must be greater than 0");
		}
		if (points == null && (earnRuleId == null || earnRuleId.isBlank())) {
			throw ApiError.invalid("points or earnRuleId is required");
		}
		long award;
		if (earnRuleId != null) {
			if (InfluenceSandbox.GENERAL_PURPOSE_EARN_RULE_ID.equals(earnRuleId)) {
				award = (points != null) ? points : InfluenceSandbox.GENERAL_PURPOSE_POINTS;
			}
			else if (InfluenceSandbox.PLACE_ORDER_EARN_RULE_ID.equals(earnRuleId) && points != null) {
				award = points;
			}
			else if (InfluenceSandbox.PLACE_ORDER_EARN_RULE_ID.equals(earnRuleId)) {
				throw ApiError.invalid("points is required for the earn rule " + earnRuleId);
			}
			else {
				throw ApiError.invalid("earnRuleId " + earnRuleId + " is not an earn rule of this shop");
			}
		}
		else if (points != null) {
			award = points;
		}
		else {
			throw ApiError.invalid("points or earnRuleId is required");
		}
		String reason = (action != null && !action.isBlank()) ? action : "Points awarded";
		changePoints(customer, award, SandboxPointActivity.EARN, reason, earnRuleId, null, null, null, null,
				(updateLastSeenAt == null) || updateLastSeenAt, true);
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	Answer deductPoints(String externalId, RequestFields body) {
		Long points = body.whole("points");
		String action = body.text("action");
		CustomerRecord customer = this.customers.require(externalId);
		if (points == null) {
			throw ApiError.invalid("points is required");
		}
		if (points <= 0) {
			throw ApiError.invalid("points must be greater than 0");
		}
		if (customer.pointBalance < points) {
			// Assumed: Influence.io documents no behaviour; refusing keeps balances from going negative.
			throw ApiError.invalid("Insufficient points");
		}
		String reason = (action != null && !action.isBlank()) ? action : "Points deducted";
		changePoints(customer, -points, SandboxPointActivity.DEDUCT, reason, null, null, null, null, null, true,
				false);
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	// Points history (Launcher, inside SandboxState.asCustomer)

	Answer pointsHistory(CustomerRecord customer, @Nullable String nextToken) {
		List<ObjectNode> items = new ArrayList<>();
		for (int i = this.activities.size() - 1; i >= 0; i--) {
			SandboxPointActivity activity = this.activities.get(i);
			if (activity.customerId().equals(customer.id)) {
				items.add(this.wire.activity(activity));
			}
		}
		return Answer.ok(this.wire.page("items", "nextToken", items, PageToken.launcherOffset(nextToken), Map.of()));
	}

	// For the orders and rewards rooms

	/**
	 * Change a balance, record the activity, and raise {@code points/earned} for earnings and
	 * {@code customers/tier_changed} when the tier moves.
	 */
	SandboxPointActivity changePoints(CustomerRecord customer, long delta, String type, String action,
			@Nullable String earnRuleId, @Nullable String redeemRuleId, @Nullable String couponCode,
			@Nullable String rewardType, @Nullable String orderId, boolean touchLastSeen, boolean movesTier) {
		SandboxTier before = customer.tier();
		SandboxPointActivity activity = recordActivity(customer, delta, type, action, earnRuleId, redeemRuleId,
				couponCode, rewardType, orderId, movesTier);
		if (touchLastSeen) {
			customer.lastSeenAt = activity.createdAt();
		}
		if (delta > 0 && SandboxPointActivity.EARN.equals(type)) {
			ObjectNode event = WireFormat.object().put("id", activity.id());
			event.set("customer", this.wire.webhookCustomer(customer));
			event.put("action", action).put("points", delta).put("type", type).put("ruleId", earnRuleId);
			this.subscriptions.emit("points/earned", event);
		}
		SandboxTier after = customer.tier();
		if (!before.equals(after)) {
			ObjectNode event = WireFormat.object();
			event.set("customer", this.wire.webhookCustomer(customer));
			event.set("oldTier", this.wire.tierReference(before));
			event.set("newTier", this.wire.tierReference(after));
			this.subscriptions.emit("customers/tier_changed", event);
		}
		return activity;
	}

	/** A seeded customer's starting balance: no webhook, as seeding a test's starting point is no event. */
	void seed(CustomerRecord customer, long points) {
		if (points > 0) {
			recordActivity(customer, points, SandboxPointActivity.EARN, "Starting balance", null, null, null, null,
					null, true);
		}
	}

	// Access for tests

	List<SandboxPointActivity> pointActivities(String externalId) {
		return this.activities.stream()
			.filter((activity) -> externalId.equals(activity.externalCustomerId()))
			.toList();
	}

	List<SandboxPointActivity> pointActivities() {
		return List.copyOf(this.activities);
	}

	void reset() {
		this.activities.clear();
	}

	private SandboxPointActivity recordActivity(CustomerRecord customer, long delta, String type, String action,
			@Nullable String earnRuleId, @Nullable String redeemRuleId, @Nullable String couponCode,
			@Nullable String rewardType, @Nullable String orderId, boolean movesTier) {
		Instant now = this.clock.instant();
		customer.pointBalance += delta;
		if (movesTier) {
			customer.tierProgress = Math.max(0, customer.tierProgress + delta);
		}
		customer.updatedAt = now;
		SandboxPointActivity activity = new SandboxPointActivity(UUID.randomUUID().toString(), customer.id,
				customer.externalId, type, action, delta, earnRuleId, redeemRuleId, couponCode, rewardType, orderId,
				now);
		this.activities.add(activity);
		return activity;
	}

}
