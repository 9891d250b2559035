package dev.influence4j.events;

import dev.influence4j.Require;

/**
 * A collection was deleted from the shop.
 *
 * @param collectionId the shop's collection id
 */
public record CollectionDeletedEvent(String collectionId) {

	public CollectionDeletedEvent {
		Require.text(collectionId, "collection id");
	}

}
