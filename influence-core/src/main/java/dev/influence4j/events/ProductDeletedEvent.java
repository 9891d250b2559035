package dev.influence4j.events;

import dev.influence4j.Require;

/**
 * A product was deleted from the shop.
 *
 * @param productId the shop's product id
 */
public record ProductDeletedEvent(String productId) {

	public ProductDeletedEvent {
		Require.text(productId, "product id");
	}

}
