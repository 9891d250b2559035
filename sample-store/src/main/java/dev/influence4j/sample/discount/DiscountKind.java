package dev.influence4j.sample.discount;

/**
 * What a discount code takes off an order.
 */
public enum DiscountKind {

	/** An amount in euros, at most the order's subtotal. */
	FIXED_AMOUNT("fixed_amount"),

	/** A percentage of the subtotal. */
	PERCENTAGE("percentage"),

	/** The shipping cost. */
	FREE_SHIPPING("free_shipping");

	private final String influenceType;

	DiscountKind(String influenceType) {
		this.influenceType = influenceType;
	}

	/**
	 * The kind as the store names it in the discount codes it sends with an order.
	 * @return the type, for example {@code fixed_amount}
	 */
	public String influenceType() {
		return this.influenceType;
	}

}
