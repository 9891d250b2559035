package dev.influence4j.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An order as the sandbox keeps it: mutable, guarded by the state's lock.
 */
final class OrderRecord {

	final String id;

	final String orderId;

	final Instant receivedAt;

	/** The order's full current state: the create body with every update's fields laid over it. */
	ObjectNode state;

	/** The last body received, exactly as sent. */
	JsonNode lastBody;

	OrderInput input;

	String customerUuid;

	long pointsEarned;

	boolean earned;

	boolean deducted;

	int updates;

	Instant updatedAt;

	OrderRecord(String id, OrderInput input, ObjectNode state, JsonNode lastBody, String customerUuid, Instant now) {
		this.id = id;
		this.orderId = input.orderId();
		this.input = input;
		this.state = state;
		this.lastBody = lastBody;
		this.customerUuid = customerUuid;
		this.receivedAt = now;
		this.updatedAt = now;
	}

	SandboxOrder snapshot() {
		return new SandboxOrder(this.id, this.orderId, this.input.customerId(), this.customerUuid, this.input.email(),
				this.input.financialStatus(), this.input.totalPrice(), this.input.currency(), this.input.discountCodes(),
				this.pointsEarned, this.earned, this.deducted, this.updates, this.lastBody, this.receivedAt,
				this.updatedAt);
	}

	/**
	 * The order's fields, validated.
	 *
	 * @param orderId the shop's order id
	 * @param customerId the shop's customer id, or {@code null}
	 * @param financialStatus the financial status
	 * @param email the buyer's email
	 * @param totalPrice the total
	 * @param currency the currency, or {@code null}
	 * @param createdAt when it was placed, or {@code null}
	 * @param discountCodes the codes used
	 */
	record OrderInput(String orderId, @Nullable String customerId, String financialStatus, String email,
			BigDecimal totalPrice, @Nullable String currency, @Nullable Instant createdAt, List<String> discountCodes) {

	}

}
