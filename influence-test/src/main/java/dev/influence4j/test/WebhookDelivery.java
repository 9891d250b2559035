package dev.influence4j.test;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One attempt to deliver a webhook. A delivery that fails is attempted again a few times with short backoff;
 * every attempt is recorded with the same {@link #webhookId()}, as is a
 * {@link InfluenceSandbox#redeliver(String) redelivery}.
 *
 * @param webhookId the {@code X-Webhook-Id} header, unique per delivery and repeated on retries
 * @param topic the {@code X-Webhook-Topic} header, for example {@code points/redeemed}
 * @param address where it was posted
 * @param subscriptionId the subscription that asked for it
 * @param attempt 1 for the first attempt, counting on through retries and redeliveries
 * @param status the HTTP status answered, or 0 when no answer arrived
 * @param error why no answer arrived, or {@code null}
 * @param redelivery whether the attempt was asked for with {@link InfluenceSandbox#redeliver(String)}
 * @param body the JSON body posted
 * @param attemptedAt when the attempt finished
 */
public record WebhookDelivery(String webhookId, String topic, URI address, String subscriptionId, int attempt,
		int status, @Nullable String error, boolean redelivery, JsonNode body, Instant attemptedAt) {

	public WebhookDelivery {
		body = body.deepCopy();
	}

	/**
	 * Whether the receiver answered with a 2xx status.
	 * @return whether the attempt succeeded
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

	@Override
	public String toString() {
		// The address may carry the shop's webhook secret.
		return "WebhookDelivery[webhookId=" + this.webhookId + ", topic=" + this.topic + ", attempt=" + this.attempt
				+ ", status=" + this.status + ((this.error != null) ? ", error=" + this.error : "")
				+ (this.redelivery ? ", redelivery" : "") + "]";
	}

}
