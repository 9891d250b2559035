package dev.influence4j.webhook;

import org.jspecify.annotations.Nullable;

/**
 * One incoming webhook request, as the web layer read it.
 *
 * @param pathSecret the secret from the URL's last path segment
 * @param topic the {@code X-Webhook-Topic} header, or {@code null}
 * @param webhookId the {@code X-Webhook-Id} header, or {@code null}
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param body the body; at most one byte more than the limit is read, so that an oversized body is seen
 */
public record WebhookRequest(String pathSecret, @Nullable String topic, @Nullable String webhookId,
		@Nullable String contentType, byte[] body) {

	@Override
	public String toString() {
		// Never print the secret or the body.
		return "WebhookRequest[topic=" + this.topic + ", webhookId=" + this.webhookId + ", bytes=" + this.body.length + "]";
	}

}
