package dev.influence4j.sample.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

import dev.influence4j.sample.discount.DiscountCode;

/**
 * What an order of the cart costs: lines, discount, shipping. Shipping is a flat 4.90 EUR, free from a
 * subtotal of 50 EUR.
 *
 * @param subtotal the lines' amounts added up
 * @param discount what the discount code takes off, zero without one
 * @param shipping the shipping cost
 * @param total what the customer pays: subtotal minus discount plus shipping
 */
public record CartTotals(BigDecimal subtotal, BigDecimal discount, BigDecimal shipping, BigDecimal total) {

	/** Shipping below {@link #FREE_SHIPPING_FROM}. */
	public static final BigDecimal SHIPPING = new BigDecimal("4.90");

	/** The subtotal from which shipping is free. */
	public static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("50.00");

	/**
	 * The totals for a subtotal and an optional discount code.
	 * @param subtotal the lines' amounts added up
	 * @param code the discount code, or {@code null}
	 * @return the totals, two decimals each
	 */
	public static CartTotals of(BigDecimal subtotal, @Nullable DiscountCode code) {
		BigDecimal lines = subtotal.setScale(2, RoundingMode.HALF_UP);
		BigDecimal shipping = (lines.signum() == 0 || lines.compareTo(FREE_SHIPPING_FROM) >= 0)
				? BigDecimal.ZERO.setScale(2) : SHIPPING;
		BigDecimal discount = (code != null) ? code.discountOn(lines, shipping) : BigDecimal.ZERO.setScale(2);
		return new CartTotals(lines, discount, shipping, lines.subtract(discount).add(shipping));
	}

}
