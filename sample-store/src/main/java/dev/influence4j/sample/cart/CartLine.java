package dev.influence4j.sample.cart;

import java.math.BigDecimal;

import dev.influence4j.sample.catalogue.Product;

/**
 * One line of the cart as pages show it, with the product's current price.
 *
 * @param product the product
 * @param quantity units
 */
public record CartLine(Product product, int quantity) {

	/**
	 * The line's amount.
	 * @return unit price times quantity
	 */
	public BigDecimal lineTotal() {
		return this.product.price().multiply(BigDecimal.valueOf(this.quantity));
	}

}
