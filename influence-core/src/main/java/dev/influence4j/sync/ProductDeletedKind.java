package dev.influence4j.sync;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code product.deleted}: a product was deleted; deleting one Influence.io does not have succeeds.
 */
final class ProductDeletedKind implements StorefrontKind<ProductDeletedEvent, ProductDeletedKind.ProductDeleted> {

	private final PlatformClient client;

	ProductDeletedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "product.deleted";
	}

	@Override
	public Class<ProductDeleted> payloadType() {
		return ProductDeleted.class;
	}

	@Override
	public Class<ProductDeletedEvent> eventType() {
		return ProductDeletedEvent.class;
	}

	@Override
	public String group() {
		return "products";
	}

	@Override
	public ProductDeleted payload(ProductDeletedEvent event) {
		return new ProductDeleted(event.productId());
	}

	@Override
	public String entityKey(ProductDeleted deleted) {
		return EntityKeys.product(deleted.productId());
	}

	// A deletion is the entity's final state: an older requeued save must not bring the product back.
	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(ProductDeleted deleted, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> this.client.products().delete(deleted.productId()));
	}

	/**
	 * The payload.
	 *
	 * @param productId the shop's product id
	 */
	record ProductDeleted(String productId) {

		ProductDeleted {
			Require.text(productId, "product id");
		}

	}

}
