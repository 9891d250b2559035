package dev.influence4j.platform;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.influence4j.Require;
import dev.influence4j.webhook.WebhookTopic;

/**
 * A webhook subscription to create or change: which topic goes to which address. Wire names
 * ({@code topic}, {@code address}) are provisional.
 *
 * @param topic the topic
 * @param address the absolute https (or, for tests, http) URL Influence.io posts to
 */
public record WebhookRegistration(@JsonProperty("topic") WebhookTopic topic, @JsonProperty("address") URI address) {

	public WebhookRegistration {
		Require.present(topic, "webhook topic");
		Require.present(address, "webhook address");
		if (!address.isAbsolute() || !("https".equals(address.getScheme()) || "http".equals(address.getScheme()))) {
			throw new IllegalArgumentException("webhook address must be an absolute http(s) URL");
		}
	}

	@Override
	public String toString() {
		// The address carries the webhook secret as its last path segment.
		return "WebhookRegistration[topic=" + this.topic.wireName() + "]";
	}

}
