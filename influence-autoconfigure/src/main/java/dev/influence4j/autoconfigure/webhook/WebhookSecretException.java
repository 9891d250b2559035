package dev.influence4j.autoconfigure.webhook;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when webhooks are enabled but {@code influence.webhooks.secret} is missing or too short.
 * {@link WebhookSecretFailureAnalyzer} turns it into a report that says what to add.
 */
final class WebhookSecretException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	static final int MIN_LENGTH = 32;

	private final boolean missing;

	private WebhookSecretException(boolean missing) {
		super(missing ? "influence.webhooks.secret is not set" : "influence.webhooks.secret is shorter than "
				+ MIN_LENGTH + " characters");
		this.missing = missing;
	}

	boolean isMissing() {
		return this.missing;
	}

	/**
	 * Check the secret without ever putting it in a message.
	 * @param secret the configured secret
	 * @return the secret
	 */
	static String check(@Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			throw new WebhookSecretException(true);
		}
		if (secret.length() < MIN_LENGTH) {
			throw new WebhookSecretException(false);
		}
		return secret;
	}

}
