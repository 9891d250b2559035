package dev.influence4j.webhook;

import tools.jackson.databind.JsonNode;

/**
 * A delivery of a topic influence4j does not know (Influence.io may add topics). It is stored and published
 * like the others, with its body as JSON.
 *
 * @param topic the topic as Influence.io sent it
 * @param body the body
 */
public record UnknownWebhook(String topic, JsonNode body) implements WebhookPayload {

	@Override
	public String toString() {
		return "UnknownWebhook[topic=" + this.topic + "]";
	}

}
