package dev.influence4j.sample.cart;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * The visitor's cart: product ids and quantities, in the order they were added. It lives in the HTTP session,
 * so it survives logging in (Spring Security keeps the session's attributes when it changes the session id).
 * Prices are not kept: the checkout reads them when the order is placed.
 */
@Component
@SessionScope
public class Cart implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The most units of one product a cart holds. */
	public static final int MAX_QUANTITY = 99;

	private final Map<Long, Integer> quantities = new LinkedHashMap<>();

	/**
	 * Add units of a product.
	 * @param productId the product
	 * @param quantity units to add, 1 or more
	 * @throws IllegalArgumentException for a quantity below 1, or when the line would exceed
	 * {@link #MAX_QUANTITY}
	 */
	public synchronized void add(long productId, int quantity) {
		requirePositive(quantity);
		int total = this.quantities.getOrDefault(productId, 0) + quantity;
		if (total > MAX_QUANTITY) {
			throw new IllegalArgumentException("at most " + MAX_QUANTITY + " of a product fit in the cart");
		}
		this.quantities.put(productId, total);
	}

	/**
	 * Set the units of a product in the cart.
	 * @param productId the product
	 * @param quantity the new quantity, 1 to {@link #MAX_QUANTITY}
	 */
	public synchronized void set(long productId, int quantity) {
		requirePositive(quantity);
		if (quantity > MAX_QUANTITY) {
			throw new IllegalArgumentException("at most " + MAX_QUANTITY + " of a product fit in the cart");
		}
		if (this.quantities.containsKey(productId)) {
			this.quantities.put(productId, quantity);
		}
	}

	/**
	 * Take a product out of the cart.
	 * @param productId the product
	 */
	public synchronized void remove(long productId) {
		this.quantities.remove(productId);
	}

	/**
	 * Empty the cart, after an order was placed.
	 */
	public synchronized void clear() {
		this.quantities.clear();
	}

	/**
	 * A copy of the cart's contents.
	 * @return product ids and quantities, in the order they were added
	 */
	public synchronized Map<Long, Integer> contents() {
		return new LinkedHashMap<>(this.quantities);
	}

	/**
	 * How many units the cart holds, for the header.
	 * @return the number of units
	 */
	public synchronized int size() {
		return this.quantities.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static void requirePositive(int quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1 but was " + quantity);
		}
	}

}
