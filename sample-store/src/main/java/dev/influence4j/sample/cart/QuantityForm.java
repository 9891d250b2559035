package dev.influence4j.sample.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A product and a quantity, as the product page and the cart page post them.
 *
 * @param productId the product
 * @param quantity the units
 */
public record QuantityForm(@NotNull @Nullable Long productId,
		@NotNull(message = QUANTITY_MESSAGE) @Min(value = 1, message = QUANTITY_MESSAGE)
		@Max(value = Cart.MAX_QUANTITY, message = QUANTITY_MESSAGE) @Nullable Integer quantity) {

	/** The one message for every wrong quantity: missing, not a number, too small, too large. */
	public static final String QUANTITY_MESSAGE = "Please enter a quantity from 1 to 99.";

}
