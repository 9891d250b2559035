package dev.influence4j.sync;

/**
 * The entity keys of what the storefront sends: entries of one key are delivered one at a time, in order, and
 * an entry can wait for others by their keys (an order for its products and customer).
 */
final class EntityKeys {

	private EntityKeys() {
	}

	static String order(String orderId) {
		return "order:" + orderId;
	}

	static String product(String productId) {
		return "product:" + productId;
	}

	static String customer(String customerId) {
		return "customer:" + customerId;
	}

	static String collection(String collectionId) {
		return "collection:" + collectionId;
	}

	static String reward(String couponCode) {
		return "reward:" + couponCode;
	}

}
