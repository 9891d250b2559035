package dev.influence4j.sample.cart;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the number of units in the cart into every page's model, for the header.
 */
@ControllerAdvice
class CartBadge {

	private final Cart cart;

	CartBadge(Cart cart) {
		this.cart = cart;
	}

	@ModelAttribute("cartSize")
	int cartSize() {
		return this.cart.size();
	}

}
