package dev.influence4j.sample.discount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A single-use discount code.
 *
 * @param code the code as issued; customers may type it in any case
 * @param kind what it takes off
 * @param amount euros off for {@link DiscountKind#FIXED_AMOUNT}, percent off for
 * {@link DiscountKind#PERCENTAGE}, unused (zero) for {@link DiscountKind#FREE_SHIPPING}
 * @param minSpend the subtotal an order needs for the code, zero for none
 * @param source who created it
 * @param description what it is, for the admin, or {@code null}
 * @param createdAt when it was created
 * @param usedAt when an order used it, or {@code null}
 * @param usedInOrderId the order that used it, or {@code null}
 */
public record DiscountCode(String code, DiscountKind kind, BigDecimal amount, BigDecimal minSpend,
		DiscountSource source, @Nullable String description, Instant createdAt, @Nullable Instant usedAt,
		@Nullable Long usedInOrderId) {

	/**
	 * Whether an order used it already.
	 * @return whether it is used
	 */
	public boolean used() {
		return this.usedAt != null;
	}

	/**
	 * What the code takes off an order.
	 * @param subtotal the order's lines, before discount and shipping
	 * @param shipping the order's shipping cost
	 * @return the discount in euros, two decimals, never more than it applies to
	 */
	public BigDecimal discountOn(BigDecimal subtotal, BigDecimal shipping) {
		BigDecimal discount = switch (this.kind) {
			case FIXED_AMOUNT -> this.amount.min(subtotal);
			case PERCENTAGE -> subtotal.multiply(this.amount).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
			case FREE_SHIPPING -> shipping;
		};
		return discount.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * A short description for customers, for example {@code 5.00 EUR off}.
	 * @return the description
	 */
	public String summary() {
		return switch (this.kind) {
			case FIXED_AMOUNT -> this.amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " EUR off";
			case PERCENTAGE -> this.amount.stripTrailingZeros().toPlainString() + " % off";
			case FREE_SHIPPING -> "free shipping";
		};
	}

}
