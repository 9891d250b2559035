package dev.influence4j.sample;

import java.math.BigDecimal;


import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductForm;

/**
 * Makes products for a test, through the store's own catalogue, so that tests do not depend on the demo
 * data's prices and do not disturb each other.
 */
public final class TestProducts {

	private TestProducts() {
	}

	/**
	 * Create a product on sale.
	 * @param catalogue the store's catalogue
	 * @param title the title
	 * @param price the price
	 * @return the product
	 */
	public static Product onSale(Catalogue catalogue, String title, String price) {
		ProductForm form = new ProductForm();
		form.setTitle(title + " " + System.nanoTime());
		form.setDescription("Made by a test.");
		form.setPrice(new BigDecimal(price));
		form.setActive(true);
		return catalogue.create(form);
	}

}
