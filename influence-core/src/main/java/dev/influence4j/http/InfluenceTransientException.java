package dev.influence4j.http;

import org.jspecify.annotations.Nullable;

/**
 * Influence.io could not be reached or answered with a server error: the same request may succeed later.
 * <p>
 * {@link #outcomeUnknown()} tells whether the request may nevertheless have been processed (a timeout
 * after sending, a reset connection, a 5xx answer). Requests that are not idempotent must not simply be
 * repeated after such a failure.
 */
public class InfluenceTransientException extends InfluenceApiException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	public InfluenceTransientException(String operation, int status, @Nullable String vendorMessage, Reason reason,
			@Nullable Throwable cause) {
		super(operation, status, vendorMessage, reason.summary, cause);
		this.reason = reason;
	}

	/**
	 * Why the call failed.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Whether Influence.io may have received and processed the request despite the failure.
	 * @return {@code true} after a timeout, a lost connection or a server error
	 */
	public boolean outcomeUnknown() {
		return this.reason.outcomeUnknown;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

	/**
	 * Why a transient failure happened, and whether the request may have been processed.
	 */
	public enum Reason {

		/** The connection could not be opened; nothing was sent. */
		CONNECT_FAILED("could not connect", false),

		/** No complete answer arrived in time after the request was sent. */
		TIMEOUT("timed out waiting for the answer", true),

		/** The connection broke after the request was sent. */
		CONNECTION_LOST("the connection was lost", true),

		/** Influence.io answered with a 5xx status. */
		SERVER_ERROR("server error", true),

		/** Influence.io answered 429: the request was refused, not processed. */
		RATE_LIMITED("rate limited", false),

		/** The client's circuit breaker is open after repeated failures; nothing was sent. */
		CIRCUIT_OPEN("circuit breaker is open after repeated failures, call not attempted", false);

		private final String summary;

		private final boolean outcomeUnknown;

		Reason(String summary, boolean outcomeUnknown) {
			this.summary = summary;
			this.outcomeUnknown = outcomeUnknown;
		}

	}

}
