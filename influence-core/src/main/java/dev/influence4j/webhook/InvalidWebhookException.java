package dev.influence4j.webhook;

/**
 * A webhook body that does not have the shape its topic needs. The message is a short reason that names
 * the missing or malformed part and never repeats the body.
 */
public class InvalidWebhookException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidWebhookException(String reason) {
		super(reason);
	}

}
