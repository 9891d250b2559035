package dev.influence4j.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers, points, orders, rewards and webhook subscriptions, and the rules that tie them together (orders
 * earn, refunds take back, redemptions issue codes, changes raise webhooks). One lock guards everything:
 * this is a fake, correctness matters more than throughput.
 */
final class SandboxState {

	/** Financial statuses Influence.io knows, in its order. */
	static final List<String> FINANCIAL_STATUSES = List.of("authorized", "pending", "paid", "partially_paid",
			"refunded", "partially_refunded", "voided", "expired");

	/** Webhook topics Influence.io documents. */
	static final List<String> TOPICS = List.of("customers/updated", "customers/tier_changed",
			"customers/tier_entry_reward_earned", "points/earned", "points/redeemed", "referrals/started",
			"referrals/completed");

	private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final String LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final SandboxSettings settings;

	private final Clock clock;

	private final WireFormat wire;

	private final WebhookDispatcher webhooks;

	private final LauncherDigest digest;

	/** Codes must never repeat, not even across sandboxes: a shop's test database may outlive one. */
	private final SecureRandom random = new SecureRandom();

	private final Map<String, CustomerRecord> customers = new LinkedHashMap<>();

	private final Map<String, CustomerRecord> customersByExternalId = new HashMap<>();

	private final Map<String, OrderRecord> orders = new LinkedHashMap<>();

	private final List<PointActivity> activities = new ArrayList<>();

	private final Map<String, IssuedReward> rewardsByCode = new LinkedHashMap<>();

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	SandboxState(SandboxSettings settings, Clock clock, WireFormat wire, WebhookDispatcher webhooks) {
		this.settings = settings;
		this.clock = clock;
		this.wire = wire;
		this.webhooks = webhooks;
		this.digest = new LauncherDigest(settings.apiKey(), settings.shopKey());
	}

	// Customers (Platform)

	synchronized Answer getCustomer(String externalId) {
		return Answer.enveloped("customer", this.wire.platformCustomer(requireCustomer(externalId)));
	}

	synchronized Answer upsertCustomer(String externalId, RequestFields body) {
		String email = body.text("email");
		if (email != null && !email.contains("@")) {
			throw ApiError.invalid("email must be an email address");
		}
		String name = body.text("name");
		String firstName = body.text("firstName");
		String lastName = body.text("lastName");
		String phone = body.text("phone");
		Integer birthdayMonth = body.between("birthdayMonth", 1, 12);
		Integer birthdayDay = body.between("birthdayDay", 1, 31);
		Instant now = this.clock.instant();
		CustomerRecord customer = this.customersByExternalId.get(externalId);
		if (customer == null) {
			if (email == null || email.isBlank()) {
				throw ApiError.invalid("email is required to create a customer");
			}
			customer = guestWithoutId(email);
			if (customer != null) {
				// A guest known from an order signs up: it becomes the member, keeping its points.
				customer.externalId = externalId;
				this.customersByExternalId.put(externalId, customer);
			}
			else {
				customer = newCustomer(externalId, email, CustomerRecord.MEMBER, now);
			}
		}
		customer.customerType = CustomerRecord.MEMBER;
		if (email != null) {
			// Held as sent: nothing says Influence.io lowercases it, and the Launcher check below then refuses a
			// shop whose Platform email is not the one its digest was computed over (reference 6.2).
			customer.email = email;
		}
		if (firstName != null) {
			customer.firstName = firstName;
		}
		if (lastName != null) {
			customer.lastName = lastName;
		}
		if (name != null) {
			customer.name = name;
		}
		else if (firstName != null || lastName != null) {
			customer.name = (((customer.firstName != null) ? customer.firstName : "") + " "
					+ ((customer.lastName != null) ? customer.lastName : "")).strip();
		}
		if (phone != null) {
			customer.phone = phone;
		}
		if (birthdayMonth != null) {
			customer.birthdayMonth = birthdayMonth;
		}
		if (birthdayDay != null) {
			customer.birthdayDay = birthdayDay;
		}
		customer.updatedAt = now;
		emit("customers/updated", this.wire.webhookCustomer(customer));
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	synchronized Answer listCustomers(Map<String, String> query) {
		int offset = 0;
		Map<String, String> filters = new LinkedHashMap<>();
		String cursor = query.get("cursor");
		if (cursor != null && !cursor.isBlank()) {
			// Influence.io ignores every other parameter once a cursor is sent: the filters travel in it.
			PageToken token = PageToken.decode(cursor, ApiError.platform(400, "cursor is not valid"));
			offset = token.offset();
			filters.putAll(token.filters());
		}
		else {
			for (String name : List.of("email", "pointBalanceMin", "pointBalanceMax", "createdAtMin", "createdAtMax",
					"updatedAtMin", "updatedAtMax", "lastSeenAtMin", "lastSeenAtMax")) {
				String value = query.get(name);
				if (value != null && !value.isBlank()) {
					filters.put(name, value);
				}
			}
		}
		Predicate<CustomerRecord> filter = customerFilter(filters);
		List<ObjectNode> matching = this.customers.values()
			.stream()
			.filter(filter)
			.map(this.wire::platformCustomer)
			.toList();
		return Answer.ok(this.wire.page("customers", "cursor", matching, offset, filters));
	}

	// Points and memberships (Platform)

	synchronized Answer awardPoints(String externalId, RequestFields body) {
		Long points = body.whole("points");
		String action = body.text("action");
		String earnRuleId = body.text("earnRuleId");
		Boolean updateLastSeenAt = body.flag("updateLastSeenAt");
		CustomerRecord customer = requireCustomer(externalId);
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
		changePoints(customer, award, PointActivity.EARN, reason, earnRuleId, null, null, null, null,
				(updateLastSeenAt == null) || updateLastSeenAt, true);
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	synchronized Answer deductPoints(String externalId, RequestFields body) {
		Long points = body.whole("points");
		String action = body.text("action");
		CustomerRecord customer = requireCustomer(externalId);
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
		changePoints(customer, -points, PointActivity.DEDUCT, reason, null, null, null, null, null, true, false);
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	synchronized Answer enroll(String externalId, RequestFields body) {
		String membershipId = body.text("membershipId");
		CustomerRecord customer = requireCustomer(externalId);
		customer.membershipId = (membershipId != null && !membershipId.isBlank()) ? membershipId
				: WireFormat.DEFAULT_MEMBERSHIP_ID;
		customer.updatedAt = this.clock.instant();
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	synchronized Answer removeMembership(String externalId) {
		CustomerRecord customer = requireCustomer(externalId);
		customer.membershipId = null;
		customer.updatedAt = this.clock.instant();
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	// Orders (Platform)

	synchronized Answer createOrder(RequestFields body) {
		OrderRecord.OrderInput input = readOrder(body);
		if (this.orders.containsKey(input.orderId())) {
			throw ApiError.platform(409, "Order already exists");
		}
		Instant now = this.clock.instant();
		CustomerRecord customer = resolveCustomer(input, now);
		OrderRecord order = new OrderRecord(UUID.randomUUID().toString(), input, (ObjectNode) body.node().deepCopy(),
				body.node().deepCopy(), customer.id, now);
		this.orders.put(order.orderId, order);
		applyOrderRules(order, now);
		return Answer.enveloped("order", this.wire.order(order));
	}

	synchronized Answer updateOrder(String orderId, RequestFields body) {
		OrderRecord order = this.orders.get(orderId);
		if (order == null) {
			throw ApiError.platform(404, "Order not found");
		}
		String bodyOrderId = body.text("orderId");
		if (bodyOrderId != null && !bodyOrderId.equals(orderId)) {
			throw ApiError.invalid("orderId in the body (" + bodyOrderId + ") does not match the path (" + orderId + ")");
		}
		// An update may carry the full state (as influence4j sends it) or only the fields that changed.
		ObjectNode merged = order.state.deepCopy();
		for (Map.Entry<String, JsonNode> field : body.node().properties()) {
			merged.set(field.getKey(), field.getValue().deepCopy());
		}
		merged.put("orderId", orderId);
		OrderRecord.OrderInput input = readOrder(RequestFields.of(merged));
		Instant now = this.clock.instant();
		order.input = input;
		order.state = merged;
		order.lastBody = body.node().deepCopy();
		order.updates++;
		order.updatedAt = now;
		if (!order.earned) {
			order.customerUuid = resolveCustomer(input, now).id;
		}
		applyOrderRules(order, now);
		return Answer.enveloped("order", this.wire.order(order));
	}

	synchronized Answer getOrder(String orderId) {
		OrderRecord order = this.orders.get(orderId);
		if (order == null) {
			throw ApiError.platform(404, "Order not found");
		}
		return Answer.enveloped("order", this.wire.order(order));
	}

	// Rewards and webhook subscriptions (Platform)

	synchronized Answer useReward(String couponCode) {
		IssuedReward reward = this.rewardsByCode.get(couponCode.toUpperCase(Locale.ROOT));
		if (reward == null) {
			throw ApiError.platform(404, "Reward not found");
		}
		markUsed(reward, null, this.clock.instant());
		return Answer.success();
	}

	synchronized Answer listWebhooks() {
		ObjectNode body = WireFormat.object();
		ArrayNode list = body.putArray("webhooks");
		this.subscriptions.values().forEach((subscription) -> list.add(json(subscription)));
		return Answer.ok(body);
	}

	synchronized Answer createWebhook(RequestFields body) {
		String topic = topic(body);
		URI address = body.requiredHttpUrl("address");
		return Answer.enveloped("webhook", json(addSubscription(topic, address)));
	}

	synchronized Answer getWebhook(String id) {
		return Answer.enveloped("webhook", json(requireSubscription(id)));
	}

	synchronized Answer updateWebhook(String id, RequestFields body) {
		Subscription existing = requireSubscription(id);
		String topic = topic(body);
		URI address = body.requiredHttpUrl("address");
		Subscription changed = new Subscription(existing.id(), topic, address, existing.createdAt());
		this.subscriptions.put(id, changed);
		return Answer.enveloped("webhook", json(changed));
	}

	synchronized Answer deleteWebhook(String id) {
		requireSubscription(id);
		this.subscriptions.remove(id);
		return Answer.success();
	}

	synchronized String subscribe(String topic, URI address) {
		if (!TOPICS.contains(topic)) {
			throw new IllegalArgumentException("topic must be one of " + TOPICS + " but was " + topic);
		}
		return addSubscription(topic, address).id();
	}

	synchronized boolean unsubscribe(String subscriptionId) {
		return this.subscriptions.remove(subscriptionId) != null;
	}

	// Launcher

	/**
	 * Run a Launcher customer call as the customer the credentials prove, or end it with the Launcher's
	 * errors: 400 when the shop or customer is missing, 401 {@code DigestMismatch} for an unknown shop, an
	 * unknown customer, an email that is not the customer's or a wrong digest (deliberately alike).
	 */
	synchronized Answer asCustomer(LauncherCredentials credentials, Function<CustomerRecord, Answer> call) {
		if (blank(credentials.shop())) {
			throw ApiError.launcher(400, "ShopRequired");
		}
		String customerId = credentials.customerId();
		String givenEmail = credentials.email();
		if (customerId == null || customerId.isBlank() || givenEmail == null || givenEmail.isBlank()) {
			throw ApiError.launcher(400, "CustomerRequired");
		}
		// The digest recipe lowercases the email, so the customer must be held under the lowercased email exactly.
		String email = givenEmail.toLowerCase(Locale.ROOT);
		// The digest is always computed, so an unknown customer takes as long to refuse as a wrong digest.
		boolean digestMatches = this.digest.matches(email, customerId, credentials.digest());
		CustomerRecord customer = this.customersByExternalId.get(customerId);
		if (!this.settings.shopKey().equals(credentials.shop()) || customer == null || !customer.email.equals(email)
				|| !digestMatches) {
			throw ApiError.launcher(401, "DigestMismatch");
		}
		return call.apply(customer);
	}

	// The customer calls below run only inside asCustomer, which holds the lock.

	Answer launcherCustomer(CustomerRecord customer) {
		return Answer.ok(this.wire.launcherCustomer(customer));
	}

	Answer pointsHistory(CustomerRecord customer, @Nullable String nextToken) {
		List<ObjectNode> items = new ArrayList<>();
		for (int i = this.activities.size() - 1; i >= 0; i--) {
			PointActivity activity = this.activities.get(i);
			if (activity.customerId().equals(customer.id)) {
				items.add(this.wire.activity(activity));
			}
		}
		return Answer.ok(this.wire.page("items", "nextToken", items, launcherOffset(nextToken), Map.of()));
	}

	Answer activeRewards(CustomerRecord customer, @Nullable String type, @Nullable String rewardType,
			@Nullable String nextToken) {
		List<ObjectNode> items = activeRewardsOf(customer, type, rewardType).stream().map(this.wire::reward).toList();
		return Answer.ok(this.wire.page("items", "nextToken", items, launcherOffset(nextToken), Map.of()));
	}

	Answer activeRewardCount(CustomerRecord customer, @Nullable String type, @Nullable String rewardType) {
		return Answer.ok(WireFormat.object().put("count", activeRewardsOf(customer, type, rewardType).size()));
	}

	Answer redeem(CustomerRecord customer, JsonNode body) {
		JsonNode ruleIdNode = body.path("ruleId");
		if (!ruleIdNode.isString() || ruleIdNode.stringValue().isBlank()) {
			throw ApiError.launcher(400, "RuleRequired");
		}
		RedeemRule rule = this.settings.redeemRules()
			.stream()
			.filter((candidate) -> candidate.id().equals(ruleIdNode.stringValue()))
			.findFirst()
			.orElseThrow(() -> ApiError.launcher(404, "RuleNotFound"));
		long cost = rule.pointCost();
		BigDecimal discount = rule.discountValue();
		if (RedeemRule.INCREMENTS.equals(rule.redeemType())) {
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
		PointActivity activity = changePoints(customer, -cost, PointActivity.REDEEM, "Redeemed " + rule.title(), null,
				rule.id(), couponCode, rule.rewardType(), null, true, false);
		IssuedReward reward = new IssuedReward(UUID.randomUUID().toString(), couponCode, customer.id,
				customer.externalId, rule.id(), rule.title(), rule.rewardType(), discount, cost, false, null, now, null);
		this.rewardsByCode.put(couponCode, reward);
		ObjectNode redeemRule = this.wire.redeemRule(rule);
		WireFormat.number(redeemRule, "discountValue", discount);
		ObjectNode event = WireFormat.object().put("id", activity.id());
		event.set("customer", this.wire.webhookCustomer(customer));
		event.put("action", activity.action())
			.put("points", cost)
			.put("type", PointActivity.REDEEM)
			.put("ruleId", rule.id())
			.put("couponCode", couponCode)
			.put("rewardType", rule.rewardType())
			.set("redeemRule", redeemRule);
		emit("points/redeemed", event);
		return Answer.ok(WireFormat.object().put("success", true).put("couponCode", couponCode));
	}

	Answer setBirthday(CustomerRecord customer, JsonNode body) {
		JsonNode month = body.path("birthdayMonth");
		JsonNode day = body.path("birthdayDay");
		if (!month.isIntegralNumber() || month.asInt() < 1 || month.asInt() > 12 || !day.isIntegralNumber()
				|| day.asInt() < 1 || day.asInt() > 31) {
			throw ApiError.launcher(400, "InvalidBirthday");
		}
		customer.birthdayMonth = month.asInt();
		customer.birthdayDay = day.asInt();
		customer.updatedAt = this.clock.instant();
		return Answer.success();
	}

	synchronized Optional<ObjectNode> loyaltyCardLookup(String lookupKey) {
		CustomerRecord customer = this.customers.get(lookupKey);
		if (customer == null) {
			customer = this.customersByExternalId.get(lookupKey);
		}
		return Optional.ofNullable(customer)
			.map((found) -> WireFormat.object()
				.put("id", found.id)
				.put("external_id", found.externalId)
				.put("point_balance", found.pointBalance));
	}

	// Access for tests

	synchronized Optional<SandboxCustomer> customer(String externalId) {
		return Optional.ofNullable(this.customersByExternalId.get(externalId)).map(CustomerRecord::snapshot);
	}

	synchronized Optional<SandboxCustomer> customerByEmail(String email) {
		return this.customers.values()
			.stream()
			.filter((customer) -> customer.email.equalsIgnoreCase(email))
			.findFirst()
			.map(CustomerRecord::snapshot);
	}

	synchronized List<SandboxCustomer> customers() {
		return this.customers.values().stream().map(CustomerRecord::snapshot).toList();
	}

	synchronized Optional<SandboxOrder> order(String orderId) {
		return Optional.ofNullable(this.orders.get(orderId)).map(OrderRecord::snapshot);
	}

	synchronized List<SandboxOrder> orders() {
		return this.orders.values().stream().map(OrderRecord::snapshot).toList();
	}

	synchronized List<PointActivity> pointActivities(String externalId) {
		return this.activities.stream()
			.filter((activity) -> externalId.equals(activity.externalCustomerId()))
			.toList();
	}

	synchronized List<PointActivity> pointActivities() {
		return List.copyOf(this.activities);
	}

	synchronized List<IssuedReward> issuedRewards() {
		return List.copyOf(this.rewardsByCode.values());
	}

	synchronized SandboxCustomer addCustomer(String externalId, String email, long points) {
		if (this.customersByExternalId.containsKey(externalId)) {
			throw new IllegalArgumentException("a customer with id " + externalId + " exists already");
		}
		if (!email.contains("@")) {
			throw new IllegalArgumentException("email must contain '@'");
		}
		if (points < 0) {
			throw new IllegalArgumentException("points must not be negative");
		}
		// Seeded as influence4j upserts a customer: under the lowercased email.
		CustomerRecord customer = newCustomer(externalId, email.toLowerCase(Locale.ROOT), CustomerRecord.MEMBER,
				this.clock.instant());
		if (points > 0) {
			// No webhook: seeding a test's starting point is not an event the shop should hear about.
			recordActivity(customer, points, PointActivity.EARN, "Starting balance", null, null, null, null, null,
					true);
		}
		return customer.snapshot();
	}

	synchronized void reset() {
		this.customers.clear();
		this.customersByExternalId.clear();
		this.orders.clear();
		this.activities.clear();
		this.rewardsByCode.clear();
		this.subscriptions.clear();
		this.webhooks.reset();
	}

	// Rules

	/**
	 * Earn when the order is in an earning status and never earned; take the points back once when it is in
	 * a deducting status after earning; mark any issued reward code it carries as used.
	 */
	private void applyOrderRules(OrderRecord order, Instant now) {
		OrderRecord.OrderInput input = order.input;
		for (String code : input.discountCodes()) {
			IssuedReward reward = this.rewardsByCode.get(code.toUpperCase(Locale.ROOT));
			if (reward != null && !reward.used()) {
				markUsed(reward, order.orderId, now);
			}
		}
		String status = input.financialStatus();
		if (this.settings.earningStatuses().contains(status) && !order.earned) {
			long points = input.totalPrice()
				.multiply(this.settings.pointsPerCurrencyUnit())
				.setScale(0, RoundingMode.FLOOR)
				.longValueExact();
			order.earned = true;
			order.pointsEarned = points;
			if (points > 0) {
				changePoints(customerOf(order), points, PointActivity.EARN,
						"Placed order " + order.orderId, InfluenceSandbox.PLACE_ORDER_EARN_RULE_ID, null, null, null,
						order.orderId, true, true);
			}
		}
		if (this.settings.deductingStatuses().contains(status) && order.earned && !order.deducted) {
			order.deducted = true;
			if (order.pointsEarned > 0) {
				// The full amount comes back even if the customer has spent it since: the balance may go
				// below zero, as the refund took the money back.
				changePoints(customerOf(order), -order.pointsEarned, PointActivity.DEDUCT,
						"Refunded order " + order.orderId, null, null, null, null, order.orderId, true, true);
			}
		}
	}

	/**
	 * Change a balance, record the activity, and raise {@code points/earned} for earnings and
	 * {@code customers/tier_changed} when the tier moves.
	 */
	private PointActivity changePoints(CustomerRecord customer, long delta, String type, String action,
			@Nullable String earnRuleId, @Nullable String redeemRuleId, @Nullable String couponCode,
			@Nullable String rewardType, @Nullable String orderId, boolean touchLastSeen, boolean movesTier) {
		LoyaltyTier before = customer.tier();
		PointActivity activity = recordActivity(customer, delta, type, action, earnRuleId, redeemRuleId, couponCode,
				rewardType, orderId, movesTier);
		if (touchLastSeen) {
			customer.lastSeenAt = activity.createdAt();
		}
		if (delta > 0 && PointActivity.EARN.equals(type)) {
			ObjectNode event = WireFormat.object().put("id", activity.id());
			event.set("customer", this.wire.webhookCustomer(customer));
			event.put("action", action).put("points", delta).put("type", type).put("ruleId", earnRuleId);
			emit("points/earned", event);
		}
		LoyaltyTier after = customer.tier();
		if (!before.equals(after)) {
			ObjectNode event = WireFormat.object();
			event.set("customer", this.wire.webhookCustomer(customer));
			event.set("oldTier", this.wire.tierReference(before));
			event.set("newTier", this.wire.tierReference(after));
			emit("customers/tier_changed", event);
		}
		return activity;
	}

	private PointActivity recordActivity(CustomerRecord customer, long delta, String type, String action,
			@Nullable String earnRuleId, @Nullable String redeemRuleId, @Nullable String couponCode,
			@Nullable String rewardType, @Nullable String orderId, boolean movesTier) {
		Instant now = this.clock.instant();
		customer.pointBalance += delta;
		if (movesTier) {
			customer.tierProgress = Math.max(0, customer.tierProgress + delta);
		}
		customer.updatedAt = now;
		PointActivity activity = new PointActivity(UUID.randomUUID().toString(), customer.id, customer.externalId, type,
				action, delta, earnRuleId, redeemRuleId, couponCode, rewardType, orderId, now);
		this.activities.add(activity);
		return activity;
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

	private void emit(String topic, ObjectNode body) {
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.topic().equals(topic)) {
				this.webhooks.enqueue(topic, subscription.address(), subscription.id(), body);
			}
		}
	}

	// Lookups and validation

	private CustomerRecord requireCustomer(String externalId) {
		CustomerRecord customer = this.customersByExternalId.get(externalId);
		if (customer == null) {
			throw ApiError.platform(404, "Customer not found");
		}
		return customer;
	}

	private @Nullable CustomerRecord guestWithoutId(String email) {
		return this.customers.values()
			.stream()
			.filter((customer) -> customer.externalId == null && customer.email.equalsIgnoreCase(email))
			.findFirst()
			.orElse(null);
	}

	/** The order's customer: by the shop's customer id, else by email, else a new guest. */
	private CustomerRecord resolveCustomer(OrderRecord.OrderInput input, Instant now) {
		String email = input.email();
		if (input.customerId() != null) {
			CustomerRecord customer = this.customersByExternalId.get(input.customerId());
			return (customer != null) ? customer : newCustomer(input.customerId(), email, CustomerRecord.GUEST, now);
		}
		return this.customers.values()
			.stream()
			.filter((customer) -> customer.email.equalsIgnoreCase(email))
			.findFirst()
			.orElseGet(() -> newCustomer(null, email, CustomerRecord.GUEST, now));
	}

	private CustomerRecord newCustomer(@Nullable String externalId, String email, String type, Instant now) {
		CustomerRecord customer = new CustomerRecord(UUID.randomUUID().toString(), externalId, email, type,
				randomText(LINK_ALPHABET, 9), now);
		this.customers.put(customer.id, customer);
		if (externalId != null) {
			this.customersByExternalId.put(externalId, customer);
		}
		return customer;
	}

	private OrderRecord.OrderInput readOrder(RequestFields body) {
		String orderId = body.requiredText("orderId");
		String customerId = body.text("customerId");
		if (customerId != null && customerId.isBlank()) {
			throw ApiError.invalid("customerId must not be blank");
		}
		String financialStatus = body.requiredText("financialStatus");
		if (!FINANCIAL_STATUSES.contains(financialStatus)) {
			throw ApiError.invalid("financialStatus must be one of " + FINANCIAL_STATUSES + " but was " + financialStatus);
		}
		String email = body.requiredText("email");
		if (!email.contains("@")) {
			throw ApiError.invalid("email must be an email address");
		}
		BigDecimal totalPrice = body.requiredDecimal("totalPrice");
		String currency = body.text("currency");
		if (currency != null && !currency.matches("[A-Z]{3}")) {
			throw ApiError.invalid("currency must be a three-letter ISO 4217 code such as \"EUR\"");
		}
		Instant createdAt = body.instant("createdAt");
		for (RequestFields line : body.objects("lineItems")) {
			line.requiredText("productId");
			line.text("variantId");
			line.requiredText("title");
			line.requiredPositiveWhole("quantity");
			line.requiredDecimal("price");
		}
		List<String> codes = new ArrayList<>();
		for (RequestFields code : body.objects("discountCodes")) {
			codes.add(code.requiredText("code"));
			code.decimal("amount");
			code.text("type");
		}
		return new OrderRecord.OrderInput(orderId, customerId, financialStatus, email, totalPrice, currency, createdAt,
				codes);
	}

	private Predicate<CustomerRecord> customerFilter(Map<String, String> filters) {
		Predicate<CustomerRecord> filter = (customer) -> true;
		for (Map.Entry<String, String> entry : filters.entrySet()) {
			String name = entry.getKey();
			String value = entry.getValue();
			Predicate<CustomerRecord> condition = switch (name) {
				case "email" -> (customer) -> customer.email.equalsIgnoreCase(value);
				case "pointBalanceMin" -> {
					BigDecimal min = decimalParameter(name, value);
					yield (customer) -> BigDecimal.valueOf(customer.pointBalance).compareTo(min) >= 0;
				}
				case "pointBalanceMax" -> {
					BigDecimal max = decimalParameter(name, value);
					yield (customer) -> BigDecimal.valueOf(customer.pointBalance).compareTo(max) <= 0;
				}
				case "createdAtMin" -> after(name, value, (customer) -> customer.createdAt);
				case "createdAtMax" -> before(name, value, (customer) -> customer.createdAt);
				case "updatedAtMin" -> after(name, value, (customer) -> customer.updatedAt);
				case "updatedAtMax" -> before(name, value, (customer) -> customer.updatedAt);
				case "lastSeenAtMin" -> after(name, value, (customer) -> customer.lastSeenAt);
				case "lastSeenAtMax" -> before(name, value, (customer) -> customer.lastSeenAt);
				default -> (customer) -> true;
			};
			filter = filter.and(condition);
		}
		return filter;
	}

	private static Predicate<CustomerRecord> after(String name, String value, Function<CustomerRecord, Instant> time) {
		Instant bound = instantParameter(name, value);
		return (customer) -> !time.apply(customer).isBefore(bound);
	}

	private static Predicate<CustomerRecord> before(String name, String value, Function<CustomerRecord, Instant> time) {
		Instant bound = instantParameter(name, value);
		return (customer) -> !time.apply(customer).isAfter(bound);
	}

	private static BigDecimal decimalParameter(String name, String value) {
		try {
			BigDecimal number = new BigDecimal(value);
			if (number.signum() < 0) {
				throw ApiError.invalid(name + " must not be negative");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalid(name + " must be a number");
		}
	}

	private static Instant instantParameter(String name, String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiError.invalid(name + " must be an ISO-8601 date-time");
		}
	}

	private static int launcherOffset(@Nullable String nextToken) {
		if (nextToken == null || nextToken.isBlank()) {
			return 0;
		}
		return PageToken.decode(nextToken, ApiError.launcher(400, "InvalidNextToken")).offset();
	}

	private List<IssuedReward> activeRewardsOf(CustomerRecord customer, @Nullable String type,
			@Nullable String rewardType) {
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

	private String topic(RequestFields body) {
		String topic = body.requiredText("topic");
		if (!TOPICS.contains(topic)) {
			throw ApiError.invalid("topic must be one of " + TOPICS + " but was " + topic);
		}
		return topic;
	}

	private Subscription addSubscription(String topic, URI address) {
		Subscription subscription = new Subscription(UUID.randomUUID().toString(), topic, address,
				this.clock.instant());
		this.subscriptions.put(subscription.id(), subscription);
		return subscription;
	}

	private Subscription requireSubscription(String id) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			throw ApiError.platform(404, "Webhook not found");
		}
		return subscription;
	}

	private ObjectNode json(Subscription subscription) {
		return this.wire.subscription(subscription.id(), subscription.topic(), subscription.address().toString(),
				subscription.createdAt());
	}

	private String newCouponCode() {
		String code;
		do {
			code = "INF-" + randomText(CODE_ALPHABET, 10);
		}
		while (this.rewardsByCode.containsKey(code));
		return code;
	}

	private String randomText(String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private CustomerRecord customerOf(OrderRecord order) {
		CustomerRecord customer = this.customers.get(order.customerUuid);
		if (customer == null) {
			throw new IllegalStateException("order " + order.orderId + " has no customer " + order.customerUuid);
		}
		return customer;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * A webhook subscription.
	 *
	 * @param id its id
	 * @param topic the topic
	 * @param address where deliveries go
	 * @param createdAt when it was created
	 */
	record Subscription(String id, String topic, URI address, Instant createdAt) {

	}

	/**
	 * What a Launcher customer call presents to prove who it is.
	 *
	 * @param shop the shop key
	 * @param customerId the shop's customer id
	 * @param email the customer's email, in any case
	 * @param digest the digest
	 */
	record LauncherCredentials(@Nullable String shop, @Nullable String customerId, @Nullable String email,
			@Nullable String digest) {

	}

}
