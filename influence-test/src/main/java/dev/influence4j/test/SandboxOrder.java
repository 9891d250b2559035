package dev.influence4j.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot of an order as the sandbox holds it, with the points bookkeeping that makes the earning rules
 * visible to tests.
 *
 * @param id the sandbox's UUID for the order
 * @param orderId the shop's order id
 * @param customerId the shop's customer id as sent with the order, or {@code null} for a guest order
 * @param influenceCustomerId the UUID of the customer the order belongs to (found by customer id, else by
 * email, else created as a guest)
 * @param email the buyer's email as sent
 * @param financialStatus the current financial status, for example {@code paid}
 * @param totalPrice the total
 * @param currency the currency code, or {@code null} when none was sent
 * @param discountCodes the codes of every discount sent with the order
 * @param pointsEarned points the order earned, zero until it reached an earning status
 * @param earned whether the order has earned (it never earns twice)
 * @param deducted whether the order's points were taken back after it reached a deducting status (only
 * ever once)
 * @param updates how many times the order was updated ({@code PATCH}) after it was created
 * @param body the last request body that created or updated the order, exactly as received
 * @param createdAt when the sandbox received the order
 * @param updatedAt when the order last changed
 */
public record SandboxOrder(String id, String orderId, @Nullable String customerId, String influenceCustomerId,
		String email, String financialStatus, BigDecimal totalPrice, @Nullable String currency,
		List<String> discountCodes, long pointsEarned, boolean earned, boolean deducted, int updates, JsonNode body,
		Instant createdAt, Instant updatedAt) {

	public SandboxOrder {
		discountCodes = List.copyOf(discountCodes);
		body = body.deepCopy();
	}

}
