package dev.influence4j.sample.order;

import java.math.BigDecimal;

/**
 * One line of an order, with the title and price it was sold at.
 *
 * @param lineNo the line's position, from 1
 * @param productId the product sold
 * @param title the product's title when sold
 * @param unitPrice the unit price when sold
 * @param quantity units sold
 */
public record OrderLine(int lineNo, long productId, String title, BigDecimal unitPrice, int quantity) {

	/**
	 * The line's amount.
	 * @return unit price times quantity
	 */
	public BigDecimal lineTotal() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
