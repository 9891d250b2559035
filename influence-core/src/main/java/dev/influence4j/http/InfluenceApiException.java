package dev.influence4j.http;

import org.jspecify.annotations.Nullable;

/**
 * A call to Influence.io that did not succeed. Subtypes say what kind of failure it was and therefore
 * whether trying again can help; every instance names the operation (for example
 * {@code platform.orders.create}), the HTTP status when there was one, and the message Influence.io gave.
 * <p>
 * Messages never contain the API key, digests, or request bodies.
 */
public abstract class InfluenceApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String operation;

	private final int status;

	private final @Nullable String vendorMessage;

	protected InfluenceApiException(String operation, int status, @Nullable String vendorMessage, String summary,
			@Nullable Throwable cause) {
		super(describe(operation, status, vendorMessage, summary), cause);
		this.operation = operation;
		this.status = status;
		this.vendorMessage = vendorMessage;
	}

	private static String describe(String operation, int status, @Nullable String vendorMessage, String summary) {
		StringBuilder message = new StringBuilder("Influence.io ").append(operation).append(" failed");
		if (status > 0) {
			message.append(" with HTTP ").append(status);
		}
		message.append(": ").append(summary);
		if (vendorMessage != null && !vendorMessage.isBlank()) {
			message.append(" (Influence.io said: ").append(vendorMessage).append(')');
		}
		return message.toString();
	}

	/**
	 * The operation that failed, for example {@code platform.orders.create}.
	 * @return the operation name
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * The HTTP status Influence.io answered with, or {@code 0} when no response arrived.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The message Influence.io put in its error body, if any.
	 * @return the vendor's message, or {@code null}
	 */
	public @Nullable String vendorMessage() {
		return this.vendorMessage;
	}

	/**
	 * Whether the same request may succeed later without changing it.
	 * @return {@code true} for outages, timeouts and rate limits
	 */
	public abstract boolean isRetryable();

}
