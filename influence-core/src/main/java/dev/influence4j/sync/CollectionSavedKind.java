package dev.influence4j.sync;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.CollectionSavedEvent;
import dev.influence4j.platform.InfluenceCollection;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code collection.saved}: a collection's full state, upserted, then its products added and the removed ones
 * taken out (Influence.io adds and removes a collection's products; both are safe to repeat). It waits for older
 * entries of the products it holds, which must exist on Influence.io before they can be added.
 */
final class CollectionSavedKind implements StorefrontKind<CollectionSavedEvent, CollectionSavedKind.CollectionSaved> {

	private final PlatformClient client;

	CollectionSavedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "collection.saved";
	}

	@Override
	public Class<CollectionSaved> payloadType() {
		return CollectionSaved.class;
	}

	@Override
	public Class<CollectionSavedEvent> eventType() {
		return CollectionSavedEvent.class;
	}

	@Override
	public String group() {
		return "collections";
	}

	@Override
	public CollectionSaved payload(CollectionSavedEvent event) {
		return new CollectionSaved(event.collection(), List.copyOf(event.productIds()),
				List.copyOf(event.removedProductIds()));
	}

	@Override
	public String entityKey(CollectionSaved saved) {
		return EntityKeys.collection(saved.collection().collectionId());
	}

	@Override
	public Collection<String> dependsOn(CollectionSaved saved) {
		return saved.productIds().stream().map(EntityKeys::product).toList();
	}

	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(CollectionSaved saved, DeliveryAttempt attempt) {
		String collectionId = saved.collection().collectionId();
		return PlatformOutcomes.of(() -> {
			this.client.collections().upsert(saved.collection());
			if (!saved.productIds().isEmpty()) {
				this.client.collections().addProducts(collectionId, saved.productIds());
			}
			if (!saved.removedProductIds().isEmpty()) {
				this.client.collections().removeProducts(collectionId, saved.removedProductIds());
			}
		});
	}

	/**
	 * The payload.
	 *
	 * @param collection the collection
	 * @param productIds the products it holds
	 * @param removedProductIds the products taken out of it
	 */
	record CollectionSaved(InfluenceCollection collection, List<String> productIds, List<String> removedProductIds) {

		CollectionSaved {
			Require.present(collection, "collection");
			productIds = List.copyOf(Set.copyOf(Require.present(productIds, "product ids")));
			removedProductIds = List.copyOf(Set.copyOf(Require.present(removedProductIds, "removed product ids")));
		}

	}

}
