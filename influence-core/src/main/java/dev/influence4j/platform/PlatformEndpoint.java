package dev.influence4j.platform;

import org.springframework.http.HttpMethod;

import dev.influence4j.http.ApiEndpoint;
import dev.influence4j.http.EndpointDefinition;
import dev.influence4j.http.Provenance;

/**
 * Every Platform API endpoint influence4j calls, declared once: method, default path, idempotency and how
 * sure we are of it. Provisional paths can be replaced with
 * {@link PlatformClient.Builder#path(dev.influence4j.http.ApiEndpoint, String)}.
 */
public enum PlatformEndpoint implements ApiEndpoint {

	/** List customers, cursor-paginated. */
	CUSTOMERS_LIST("platform.customers.list", HttpMethod.GET, "/v1/customers", true, Provenance.DOCUMENTED),

	/** Read one customer by the shop's id. */
	CUSTOMER_GET("platform.customers.get", HttpMethod.GET, "/v1/customers/{customerId}", true, Provenance.OBSERVED),

	/** Create or update a customer. */
	CUSTOMER_UPSERT("platform.customers.upsert", HttpMethod.PUT, "/v1/customers/{customerId}", true,
			Provenance.DOCUMENTED),

	/** Award points; not idempotent. */
	POINTS_AWARD("platform.points.award", HttpMethod.POST, "/v1/customers/{customerId}/points", false,
			Provenance.DOCUMENTED),

	/** Deduct points; not idempotent. */
	POINTS_DEDUCT("platform.points.deduct", HttpMethod.POST, "/v1/customers/{customerId}/points/deduct", false,
			Provenance.PROVISIONAL),

	/** Put a customer into a membership. */
	MEMBERSHIP_ENROLL("platform.memberships.enroll", HttpMethod.POST, "/v1/customers/{customerId}/membership/enroll",
			true, Provenance.OBSERVED),

	/** Take a customer out of their membership. */
	MEMBERSHIP_REMOVE("platform.memberships.remove", HttpMethod.POST, "/v1/customers/{customerId}/membership/remove",
			true, Provenance.OBSERVED),

	/** Create an order; made safe to repeat by {@link OrderApi}, not by itself. */
	ORDER_CREATE("platform.orders.create", HttpMethod.POST, "/v1/orders", false, Provenance.DOCUMENTED),

	/** Read an order by the shop's id. */
	ORDER_GET("platform.orders.get", HttpMethod.GET, "/v1/orders/{orderId}", true, Provenance.PROVISIONAL),

	/** Update an order with its full current state. */
	ORDER_UPDATE("platform.orders.update", HttpMethod.PATCH, "/v1/orders/{orderId}", true, Provenance.DOCUMENTED),

	/** List products, cursor-paginated. */
	PRODUCTS_LIST("platform.products.list", HttpMethod.GET, "/v1/products", true, Provenance.PROVISIONAL),

	/** Read one product by the shop's id. */
	PRODUCT_GET("platform.products.get", HttpMethod.GET, "/v1/products/{productId}", true, Provenance.PROVISIONAL),

	/** Create or update a product. */
	PRODUCT_UPSERT("platform.products.upsert", HttpMethod.PUT, "/v1/products/{productId}", true,
			Provenance.DOCUMENTED),

	/** Delete a product. */
	PRODUCT_DELETE("platform.products.delete", HttpMethod.DELETE, "/v1/products/{productId}", true,
			Provenance.PROVISIONAL),

	/** List collections, cursor-paginated. */
	COLLECTIONS_LIST("platform.collections.list", HttpMethod.GET, "/v1/collections", true, Provenance.PROVISIONAL),

	/** Read one collection by the shop's id. */
	COLLECTION_GET("platform.collections.get", HttpMethod.GET, "/v1/collections/{collectionId}", true,
			Provenance.PROVISIONAL),

	/** Create or update a collection. */
	COLLECTION_UPSERT("platform.collections.upsert", HttpMethod.PUT, "/v1/collections/{collectionId}", true,
			Provenance.PROVISIONAL),

	/** Delete a collection. */
	COLLECTION_DELETE("platform.collections.delete", HttpMethod.DELETE, "/v1/collections/{collectionId}", true,
			Provenance.PROVISIONAL),

	/** Add products to a collection. */
	COLLECTION_ADD_PRODUCTS("platform.collections.addProducts", HttpMethod.POST,
			"/v1/collections/{collectionId}/products", true, Provenance.PROVISIONAL),

	/** Remove products from a collection. */
	COLLECTION_REMOVE_PRODUCTS("platform.collections.removeProducts", HttpMethod.POST,
			"/v1/collections/{collectionId}/products/remove", true, Provenance.PROVISIONAL),

	/** Mark an Influence.io reward code as used. */
	REWARD_USE("platform.rewards.use", HttpMethod.POST, "/v1/rewards/{couponCode}/use", true, Provenance.OBSERVED),

	/** List webhook subscriptions. */
	WEBHOOKS_LIST("platform.webhooks.list", HttpMethod.GET, "/v1/webhooks", true, Provenance.PROVISIONAL),

	/** Subscribe an address to a topic; not idempotent. */
	WEBHOOK_CREATE("platform.webhooks.create", HttpMethod.POST, "/v1/webhooks", false, Provenance.PROVISIONAL),

	/** Read one webhook subscription. */
	WEBHOOK_GET("platform.webhooks.get", HttpMethod.GET, "/v1/webhooks/{webhookId}", true, Provenance.PROVISIONAL),

	/** Change a webhook subscription. */
	WEBHOOK_UPDATE("platform.webhooks.update", HttpMethod.PUT, "/v1/webhooks/{webhookId}", true,
			Provenance.PROVISIONAL),

	/** Delete a webhook subscription. */
	WEBHOOK_DELETE("platform.webhooks.delete", HttpMethod.DELETE, "/v1/webhooks/{webhookId}", true,
			Provenance.PROVISIONAL);

	private final EndpointDefinition definition;

	PlatformEndpoint(String operation, HttpMethod method, String defaultPath, boolean idempotent,
			Provenance provenance) {
		this.definition = new EndpointDefinition(operation, method, defaultPath, idempotent, provenance);
	}

	@Override
	public EndpointDefinition definition() {
		return this.definition;
	}

}
