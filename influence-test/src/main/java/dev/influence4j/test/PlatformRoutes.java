package dev.influence4j.test;

/**
 * The Platform API's routes. Operation names are influence4j's own ({@code PlatformEndpoint}), so a journal
 * can be read in the client's terms.
 */
final class PlatformRoutes {

	private PlatformRoutes() {
	}

	static RouteTable create(SandboxState state, SandboxCatalogue catalogue) {
		return new RouteTable()
			.add("GET", "/v1/customers", "platform.customers.list", (call) -> state.listCustomers(call.query()))
			.add("GET", "/v1/customers/{customerId}", "platform.customers.get",
					(call) -> state.getCustomer(call.variable("customerId")))
			.add("PUT", "/v1/customers/{customerId}", "platform.customers.upsert",
					(call) -> state.upsertCustomer(call.variable("customerId"), call.fields()))
			.add("POST", "/v1/customers/{customerId}/points", "platform.points.award",
					(call) -> state.awardPoints(call.variable("customerId"), call.fields()))
			.add("POST", "/v1/customers/{customerId}/points/deduct", "platform.points.deduct",
					(call) -> state.deductPoints(call.variable("customerId"), call.fields()))
			.add("POST", "/v1/customers/{customerId}/membership/enroll", "platform.memberships.enroll",
					(call) -> state.enroll(call.variable("customerId"), call.fields()))
			.add("POST", "/v1/customers/{customerId}/membership/remove", "platform.memberships.remove",
					(call) -> state.removeMembership(call.variable("customerId")))
			.add("POST", "/v1/orders", "platform.orders.create", (call) -> state.createOrder(call.fields()))
			.add("GET", "/v1/orders/{orderId}", "platform.orders.get", (call) -> state.getOrder(call.variable("orderId")))
			.add("PATCH", "/v1/orders/{orderId}", "platform.orders.update",
					(call) -> state.updateOrder(call.variable("orderId"), call.fields()))
			.add("GET", "/v1/products", "platform.products.list", (call) -> catalogue.listProducts(call.query()))
			.add("GET", "/v1/products/{productId}", "platform.products.get",
					(call) -> catalogue.getProduct(call.variable("productId")))
			.add("PUT", "/v1/products/{productId}", "platform.products.upsert",
					(call) -> catalogue.upsertProduct(call.variable("productId"), call.fields()))
			.add("DELETE", "/v1/products/{productId}", "platform.products.delete",
					(call) -> catalogue.deleteProduct(call.variable("productId")))
			.add("GET", "/v1/collections", "platform.collections.list",
					(call) -> catalogue.listCollections(call.query()))
			.add("GET", "/v1/collections/{collectionId}", "platform.collections.get",
					(call) -> catalogue.getCollection(call.variable("collectionId")))
			.add("PUT", "/v1/collections/{collectionId}", "platform.collections.upsert",
					(call) -> catalogue.upsertCollection(call.variable("collectionId"), call.fields()))
			.add("DELETE", "/v1/collections/{collectionId}", "platform.collections.delete",
					(call) -> catalogue.deleteCollection(call.variable("collectionId")))
			.add("POST", "/v1/collections/{collectionId}/products", "platform.collections.addProducts",
					(call) -> catalogue.addProducts(call.variable("collectionId"), call.fields()))
			.add("POST", "/v1/collections/{collectionId}/products/remove", "platform.collections.removeProducts",
					(call) -> catalogue.removeProducts(call.variable("collectionId"), call.fields()))
			.add("POST", "/v1/rewards/{couponCode}/use", "platform.rewards.use", (call) -> {
				// The body repeats the code; it is read only to reject a malformed one.
				call.fields().text("couponCode");
				return state.useReward(call.variable("couponCode"));
			})
			.add("GET", "/v1/webhooks", "platform.webhooks.list", (call) -> state.listWebhooks())
			.add("POST", "/v1/webhooks", "platform.webhooks.create", (call) -> state.createWebhook(call.fields()))
			.add("GET", "/v1/webhooks/{webhookId}", "platform.webhooks.get",
					(call) -> state.getWebhook(call.variable("webhookId")))
			.add("PUT", "/v1/webhooks/{webhookId}", "platform.webhooks.update",
					(call) -> state.updateWebhook(call.variable("webhookId"), call.fields()))
			.add("DELETE", "/v1/webhooks/{webhookId}", "platform.webhooks.delete",
					(call) -> state.deleteWebhook(call.variable("webhookId")));
	}

}
