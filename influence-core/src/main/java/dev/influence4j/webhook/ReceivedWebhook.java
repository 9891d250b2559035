package dev.influence4j.webhook;

import java.time.Instant;

import dev.influence4j.Require;

/**
 * A webhook delivery as stored in the inbox, before it is handled.
 *
 * @param topic the topic as sent in {@code X-Webhook-Topic}
 * @param webhookId the {@code X-Webhook-Id}, or a hash of the body when the header was missing
 * @param receivedAt when it arrived
 * @param body the body, as received
 */
public record ReceivedWebhook(String topic, String webhookId, Instant receivedAt, String body) {

	public ReceivedWebhook {
		Require.text(topic, "webhook topic");
		Require.text(webhookId, "webhook id");
		Require.present(receivedAt, "received at");
		Require.present(body, "webhook body");
	}

	@Override
	public String toString() {
		return "ReceivedWebhook[topic=" + this.topic + ", webhookId=" + this.webhookId + "]";
	}

}
