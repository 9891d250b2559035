package dev.influence4j.events;

import dev.influence4j.Require;
import dev.influence4j.platform.InfluenceProduct;

/**
 * A product was created or changed. Products are sent before any later order that contains them.
 *
 * @param product the product's full current state
 */
public record ProductSavedEvent(InfluenceProduct product) {

	public ProductSavedEvent {
		Require.present(product, "product");
	}

}
