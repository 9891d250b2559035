package dev.influence4j.delivery;

/**
 * Thrown by a {@link DeliveryHandler} when an entry can never succeed as it is (an unreadable payload, a
 * missing piece the shop must provide): the entry becomes a dead letter at once, with this message, and
 * can be requeued once the cause is fixed.
 */
public class PermanentDeliveryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PermanentDeliveryException(String message) {
		super(message);
	}

	public PermanentDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
