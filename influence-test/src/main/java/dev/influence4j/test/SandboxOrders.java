package dev.influence4j.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The orders room: orders as the shop sends them, and what they earn (an order in an earning status earns
 * {@code floor(total × rate)} points once; in a deducting status after earning it gives them back once; a
 * reward code it carries is used). Runs only under {@link SandboxState}'s lock and never locks itself; it
 * calls {@link SandboxRewards} to use codes, {@link SandboxLedger} to earn and give back, and
 * {@link SandboxCustomers} for the buyer.
 */
final class SandboxOrders {

	/** Financial statuses Influence.io knows, in its order. */
	static final List<String> FINANCIAL_STATUSES = List.of("authorized", "pending", "paid", "partially_paid",
			"refunded", "partially_refunded", "voided", "expired");

	private final SandboxSettings settings;

	private final Clock clock;

	private final WireFormat wire;

	private final SandboxCustomers customers;

	private final SandboxLedger ledger;

	private final SandboxRewards rewards;

	private final Map<String, OrderRecord> orders = new LinkedHashMap<>();

	SandboxOrders(SandboxSettings settings, Clock clock, WireFormat wire, SandboxCustomers customers,
			SandboxLedger ledger, SandboxRewards rewards) {
		this.settings = settings;
		this.clock = clock;
		this.wire = wire;
		this.customers = customers;
		this.ledger = ledger;
		this.rewards = rewards;
	}

	Answer create(RequestFields body) {
		OrderRecord.OrderInput input = read(body);
		if (this.orders.containsKey(input.orderId())) {
			throw ApiError.platform(409, "Order already exists");
		}
		Instant now = this.clock.instant();
		CustomerRecord customer = this.customers.forOrder(input, now);
		OrderRecord order = new OrderRecord(UUID.randomUUID().toString(), input, (ObjectNode) body.node().deepCopy(),
				body.node().deepCopy(), customer.id, now);
		this.orders.put(order.orderId, order);
		applyRules(order, now);
		return Answer.enveloped("order", this.wire.order(order));
	}

	Answer update(String orderId, RequestFields body) {
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
		OrderRecord.OrderInput input = read(RequestFields.of(merged));
		Instant now = this.clock.instant();
		order.input = input;
		order.state = merged;
		order.lastBody = body.node().deepCopy();
		order.updates++;
		order.updatedAt = now;
		if (!order.earned) {
			order.customerUuid = this.customers.forOrder(input, now).id;
		}
		applyRules(order, now);
		return Answer.enveloped("order", this.wire.order(order));
	}

	Answer get(String orderId) {
		OrderRecord order = this.orders.get(orderId);
		if (order == null) {
			throw ApiError.platform(404, "Order not found");
		}
		return Answer.enveloped("order", this.wire.order(order));
	}

	// Access for tests

	Optional<SandboxOrder> order(String orderId) {
		return Optional.ofNullable(this.orders.get(orderId)).map(OrderRecord::snapshot);
	}

	List<SandboxOrder> orders() {
		return this.orders.values().stream().map(OrderRecord::snapshot).toList();
	}

	void reset() {
		this.orders.clear();
	}

	/**
	 * Earn when the order is in an earning status and never earned; take the points back once when it is in
	 * a deducting status after earning; mark any issued reward code it carries as used.
	 */
	private void applyRules(OrderRecord order, Instant now) {
		OrderRecord.OrderInput input = order.input;
		this.rewards.useInOrder(input.discountCodes(), order.orderId, now);
		String status = input.financialStatus();
		if (this.settings.earningStatuses().contains(status) && !order.earned) {
			long points = input.totalPrice()
				.multiply(this.settings.pointsPerCurrencyUnit())
				.setScale(0, RoundingMode.FLOOR)
				.longValueExact();
			order.earned = true;
			order.pointsEarned = points;
			if (points > 0) {
				this.ledger.changePoints(customerOf(order), points, SandboxPointActivity.EARN,
						"Placed order " + order.orderId, InfluenceSandbox.PLACE_ORDER_EARN_RULE_ID, null, null, null,
						order.orderId, true, true);
			}
		}
		if (this.settings.deductingStatuses().contains(status) && order.earned && !order.deducted) {
			order.deducted = true;
			if (order.pointsEarned > 0) {
				// The full amount comes back even if the customer has spent it since: the balance may go
				// below zero, as the refund took the money back.
				this.ledger.changePoints(customerOf(order), -order.pointsEarned, SandboxPointActivity.DEDUCT,
						"Refunded order " + order.orderId, null, null, null, null, order.orderId, true, true);
			}
		}
	}

	private CustomerRecord customerOf(OrderRecord order) {
		CustomerRecord customer = this.customers.byId(order.customerUuid);
		if (customer == null) {
			throw new IllegalStateException("order " + order.orderId + " has no customer " + order.customerUuid);
		}
		return customer;
	}

	private static OrderRecord.OrderInput read(RequestFields body) {
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

}
