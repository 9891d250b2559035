package dev.influence4j.sync;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.CollectionDeletedEvent;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code collection.deleted}: a collection was deleted; deleting one Influence.io does not have succeeds.
 */
final class CollectionDeletedKind
		implements StorefrontKind<CollectionDeletedEvent, CollectionDeletedKind.CollectionDeleted> {

	private final PlatformClient client;

	CollectionDeletedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "collection.deleted";
	}

	@Override
	public Class<CollectionDeleted> payloadType() {
		return CollectionDeleted.class;
	}

	@Override
	public Class<CollectionDeletedEvent> eventType() {
		return CollectionDeletedEvent.class;
	}

	@Override
	public String group() {
		return "collections";
	}

	@Override
	public CollectionDeleted payload(CollectionDeletedEvent event) {
		return new CollectionDeleted(event.collectionId());
	}

	@Override
	public String entityKey(CollectionDeleted deleted) {
		return EntityKeys.collection(deleted.collectionId());
	}

	// A deletion is the entity's final state: an older requeued save must not bring the collection back.
	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(CollectionDeleted deleted, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> this.client.collections().delete(deleted.collectionId()));
	}

	/**
	 * The payload.
	 *
	 * @param collectionId the shop's collection id
	 */
	record CollectionDeleted(String collectionId) {

		CollectionDeleted {
			Require.text(collectionId, "collection id");
		}

	}

}
