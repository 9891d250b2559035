package dev.influence4j.delivery;

/**
 * The kinds of outbox entries influence4j writes for what the shop sends, and the entity keys they use.
 */
public final class EntryKinds {

	/** An order was placed: create it. */
	public static final String ORDER_COMPLETED = "order.completed";

	/** An order changed: send its full state. */
	public static final String ORDER_UPDATED = "order.updated";

	/** A product was created or changed. */
	public static final String PRODUCT_SAVED = "product.saved";

	/** A product was deleted. */
	public static final String PRODUCT_DELETED = "product.deleted";

	/** A customer signed up or changed. */
	public static final String CUSTOMER_SAVED = "customer.saved";

	/** An Influence.io reward code was used on an order: mark it used. */
	public static final String REWARD_USED = "reward.used";

	private EntryKinds() {
	}

	/**
	 * The entity key of an order.
	 * @param orderId the shop's order id
	 * @return {@code order:<id>}
	 */
	public static String orderKey(String orderId) {
		return "order:" + orderId;
	}

	/**
	 * The entity key of a product.
	 * @param productId the shop's product id
	 * @return {@code product:<id>}
	 */
	public static String productKey(String productId) {
		return "product:" + productId;
	}

	/**
	 * The entity key of a customer.
	 * @param customerId the shop's customer id
	 * @return {@code customer:<id>}
	 */
	public static String customerKey(String customerId) {
		return "customer:" + customerId;
	}

	/**
	 * The entity key of a reward code.
	 * @param couponCode the code
	 * @return {@code reward:<code>}
	 */
	public static String rewardKey(String couponCode) {
		return "reward:" + couponCode;
	}

}
