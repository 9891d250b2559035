package dev.influence4j.events;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.influence4j.Require;
import dev.influence4j.platform.InfluenceCollection;

/**
 * A collection (category) was created or changed. Influence.io's redeem rules and stamp cards can be limited to
 * collections, so it needs them and their products. Influence.io's API adds products to a collection and removes
 * them from it, but cannot replace its products, so the event says both what the collection holds now and what
 * was taken out of it.
 * <pre>{@code
 * events.publishEvent(new CollectionSavedEvent(collection, Set.of("p-1", "p-2"), Set.of("p-9")));
 * }</pre>
 *
 * @param collection the collection's full current state
 * @param productIds the shop's ids of the products the collection holds now (sent after those products)
 * @param removedProductIds the shop's ids of products taken out of it since it was last published
 */
public record CollectionSavedEvent(InfluenceCollection collection, Set<String> productIds,
		Set<String> removedProductIds) {

	public CollectionSavedEvent {
		Require.present(collection, "collection");
		productIds = ids(productIds, "product id");
		removedProductIds = ids(removedProductIds, "removed product id");
		for (String id : removedProductIds) {
			if (productIds.contains(id)) {
				throw new IllegalArgumentException("product " + id + " is both in the collection and removed from it");
			}
		}
	}

	/**
	 * A collection from which nothing was removed.
	 * @param collection the collection
	 * @param productIds the products it holds
	 * @return the event
	 */
	public static CollectionSavedEvent of(InfluenceCollection collection, Set<String> productIds) {
		return new CollectionSavedEvent(collection, productIds, Set.of());
	}

	private static Set<String> ids(Set<String> ids, String name) {
		Require.present(ids, name + "s");
		Set<String> checked = new LinkedHashSet<>();
		for (String id : ids) {
			checked.add(Require.text(id, name));
		}
		return Set.copyOf(checked);
	}

}
