package dev.influence4j.sample.order;

/**
 * How a customer pays. Nothing is charged in the demo: the method only decides the order's first status.
 */
public enum PaymentMethod {

	/** A card payment, taken at checkout: the order is paid at once (and earns points right away). */
	CARD("Card (paid at once)", OrderStatus.PAID),

	/** A bank transfer: the order waits until the admin marks it paid. */
	BANK_TRANSFER("Bank transfer (the admin marks the order paid)", OrderStatus.PENDING);

	private final String label;

	private final OrderStatus initialStatus;

	PaymentMethod(String label, OrderStatus initialStatus) {
		this.label = label;
		this.initialStatus = initialStatus;
	}

	/**
	 * What the checkout page calls it.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The status an order paid this way starts in.
	 * @return the status
	 */
	public OrderStatus initialStatus() {
		return this.initialStatus;
	}

}
