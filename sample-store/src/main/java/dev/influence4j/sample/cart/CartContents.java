package dev.influence4j.sample.cart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductRepository;

/**
 * Turns a cart into lines with the products' current titles and prices. Products that were deleted or taken
 * off sale since they were added are left out, and taken out of the cart.
 */
@Component
public class CartContents {

	private final ProductRepository products;

	CartContents(ProductRepository products) {
		this.products = products;
	}

	/**
	 * The cart's lines, in the order they were added.
	 * @param cart the cart
	 * @return the lines of products still on sale
	 */
	public List<CartLine> lines(Cart cart) {
		Map<Long, Integer> contents = cart.contents();
		Map<Long, Product> byId = new HashMap<>();
		for (Product product : this.products.findAllById(contents.keySet())) {
			byId.put(product.id(), product);
		}
		List<CartLine> lines = new ArrayList<>();
		contents.forEach((id, quantity) -> {
			Product product = byId.get(id);
			if (product == null || !product.active()) {
				cart.remove(id);
			}
			else {
				lines.add(new CartLine(product, quantity));
			}
		});
		return lines;
	}

	/**
	 * The sum of the lines.
	 * @param lines the lines
	 * @return the subtotal, before discount and shipping
	 */
	public static BigDecimal subtotal(List<CartLine> lines) {
		return lines.stream().map(CartLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
