package dev.influence4j.sample.order;

import org.jspecify.annotations.Nullable;

/**
 * The checkout refused the order; its message is meant for the customer. Thrown inside the checkout's
 * transaction, it rolls back everything the checkout did, and with it the event it published.
 */
public class CheckoutRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String field;

	CheckoutRefusedException(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The checkout form's field the refusal is about.
	 * @return the field's name, or {@code null} when it concerns the whole order
	 */
	public @Nullable String field() {
		return this.field;
	}

	@Override
	public String getMessage() {
		// Always constructed with a message, shown to the customer as it is.
		return String.valueOf(super.getMessage());
	}

}
