package dev.influence4j.webhook;

import dev.influence4j.Require;

/**
 * How a webhook request was answered.
 *
 * @param outcome what happened to the delivery
 * @param reason a short reason for the sender, never containing the secret or the body
 */
public record WebhookReceipt(Outcome outcome, String reason) {

	public WebhookReceipt {
		Require.present(outcome, "outcome");
		Require.present(reason, "reason");
	}

	/**
	 * The HTTP status to answer with.
	 * @return the status
	 */
	public int status() {
		return this.outcome.status;
	}

	/**
	 * Whether the delivery is safely stored (new or a repeat).
	 * @return whether the status is 200
	 */
	public boolean accepted() {
		return this.outcome.status == 200;
	}

	/** What happened to a delivery; each outcome has one HTTP status. */
	public enum Outcome {

		/** Stored, to be handled. */
		ACCEPTED(200),

		/** Stored before (same topic and id); nothing changed. */
		DUPLICATE(200),

		/** A header is missing, too long or malformed. */
		BAD_HEADER(400),

		/** The body is empty, not JSON, or lacks what its topic needs. */
		BAD_BODY(400),

		/** The secret in the URL is not the configured one (or the URL has another shape). */
		WRONG_SECRET(404),

		/** Not a POST. */
		WRONG_METHOD(405),

		/** The body is larger than the limit. */
		TOO_LARGE(413),

		/** The content type is not JSON. */
		NOT_JSON(415),

		/** Too many deliveries are being stored at once. */
		BUSY(429),

		/** The delivery could not be stored (the database is away); the sender should retry. */
		UNAVAILABLE(503);

		private final int status;

		Outcome(int status) {
			this.status = status;
		}

		/**
		 * The HTTP status of this outcome.
		 * @return the status
		 */
		public int status() {
			return this.status;
		}

	}

}
