package dev.influence4j.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.influence4j.platform.InfluenceDiscountCode;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;

/**
 * An order as the store keeps it. Amounts are in {@link #currency()}, two decimals.
 *
 * @param id the order number; also the order id Influence.io knows
 * @param accountId the customer's account
 * @param email the customer's email when the order was placed
 * @param status where the payment stands
 * @param paymentMethod how the customer chose to pay
 * @param subtotal the lines added up
 * @param discount what the discount code took off
 * @param shipping the shipping cost
 * @param total what the customer pays
 * @param currency ISO 4217 code, {@code EUR}
 * @param discountCode the discount code used, or {@code null}
 * @param discountType the code's kind as sent to Influence.io (for example {@code fixed_amount}), or
 * {@code null}
 * @param createdAt when the order was placed
 * @param updatedAt when its status last changed
 * @param lines the lines
 */
public record Order(long id, long accountId, String email, OrderStatus status, PaymentMethod paymentMethod,
		BigDecimal subtotal, BigDecimal discount, BigDecimal shipping, BigDecimal total, String currency,
		@Nullable String discountCode, @Nullable String discountType, Instant createdAt, Instant updatedAt,
		List<OrderLine> lines) {

	private static final DateTimeFormatter PLACED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public Order {
		lines = List.copyOf(lines);
	}

	/**
	 * When the order was placed, for pages.
	 * @return for example {@code 2025-06-01 14:05 UTC}
	 */
	public String placedAt() {
		return PLACED_AT.format(this.createdAt);
	}

	/**
	 * The order as Influence.io's order record, in full: every update sends the whole current state.
	 * @return the order
	 */
	public InfluenceOrder toInfluence() {
		InfluenceOrder.Builder order = InfluenceOrder.builder(Long.toString(this.id))
			.customerId(Long.toString(this.accountId))
			.email(this.email)
			.financialStatus(this.status.financialStatus())
			.totalPrice(this.total)
			.currency(this.currency)
			.createdAt(this.createdAt);
		for (OrderLine line : this.lines) {
			order.lineItem(new InfluenceOrderLine(Long.toString(line.productId()), null, line.title(), line.quantity(),
					line.unitPrice()));
		}
		if (this.discountCode != null) {
			// Influence.io completes referrals when the friend's code appears among the order's codes, so the
			// shop's own codes are sent too.
			order.discountCode(new InfluenceDiscountCode(this.discountCode, this.discount, this.discountType));
		}
		return order.build();
	}

}
