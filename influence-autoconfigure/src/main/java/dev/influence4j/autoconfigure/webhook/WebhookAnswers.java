package dev.influence4j.autoconfigure.webhook;

import org.jspecify.annotations.Nullable;

import dev.influence4j.webhook.WebhookReceipt;

/**
 * Records how the webhook endpoint answered each request (a meter when Micrometer is present).
 */
@FunctionalInterface
interface WebhookAnswers {

	/** Records nothing. */
	WebhookAnswers NONE = (topic, receipt) -> {
	};

	/**
	 * Record one answer.
	 * @param topic the {@code X-Webhook-Topic} header as sent, or {@code null}
	 * @param receipt the answer
	 */
	void record(@Nullable String topic, WebhookReceipt receipt);

}
