package dev.influence4j.sync;

import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code product.saved}: a product's full state, upserted.
 */
final class ProductSavedKind implements StorefrontKind<ProductSavedEvent, InfluenceProduct> {

	private final PlatformClient client;

	ProductSavedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "product.saved";
	}

	@Override
	public Class<InfluenceProduct> payloadType() {
		return InfluenceProduct.class;
	}

	@Override
	public Class<ProductSavedEvent> eventType() {
		return ProductSavedEvent.class;
	}

	@Override
	public String group() {
		return "products";
	}

	@Override
	public InfluenceProduct payload(ProductSavedEvent event) {
		return event.product();
	}

	@Override
	public String entityKey(InfluenceProduct product) {
		return EntityKeys.product(product.productId());
	}

	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(InfluenceProduct product, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> this.client.products().upsert(product));
	}

}
