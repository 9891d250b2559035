package dev.influence4j.webhook;

/**
 * How a webhook request was answered.
 *
 * @param status the HTTP status to answer with
 * @param reason a short reason for the sender, never containing the secret or the body
 */
public record WebhookReceipt(int status, String reason) {

	/**
	 * Whether the delivery is safely stored (new or a repeat).
	 * @return whether the status is 200
	 */
	public boolean accepted() {
		return this.status == 200;
	}

}
