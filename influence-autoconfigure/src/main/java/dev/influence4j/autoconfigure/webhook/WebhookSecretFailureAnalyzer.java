package dev.influence4j.autoconfigure.webhook;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing or short {@code influence.webhooks.secret}: why it is needed, how to make one, and the
 * YAML to add.
 */
final class WebhookSecretFailureAnalyzer extends AbstractFailureAnalyzer<WebhookSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WebhookSecretException cause) {
		String description = (cause.isMissing() ? "influence4j receives Influence.io's webhooks but "
				+ "influence.webhooks.secret is not set."
				: "influence.webhooks.secret is shorter than " + WebhookSecretException.MIN_LENGTH + " characters.")
				+ " Influence.io signs nothing, so this secret, the last segment of the webhook URL you register in "
				+ "the Influence.io dashboard, is all that authenticates a delivery.";
		String action = "Generate a long random secret (for example: openssl rand -hex 32) and add to application.yml "
				+ "(or set the environment variable INFLUENCE_WEBHOOKS_SECRET):\n\n" + "    influence:\n"
				+ "      webhooks:\n" + "        secret: ${INFLUENCE_WEBHOOKS_SECRET}\n\n"
				+ "then register https://<your-shop>/influence/webhooks/<secret> in the Influence.io dashboard; "
				+ "or switch webhooks off with influence.webhooks.enabled=false.";
		return new FailureAnalysis(description, action, cause);
	}

}
