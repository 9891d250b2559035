package dev.influence4j.platform;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription as Influence.io holds it, read leniently.
 *
 * @param id Influence.io's id for the subscription
 * @param topic the topic's wire name
 * @param address the URL deliveries go to
 * @param createdAt when it was created
 */
public record WebhookSubscription(@Nullable String id, @Nullable String topic,
		@Nullable @JsonAlias({ "url", "callbackUrl" }) String address, @Nullable Instant createdAt) {

	@Override
	public String toString() {
		// The address carries the webhook secret as its last path segment.
		return "WebhookSubscription[id=" + this.id + ", topic=" + this.topic + "]";
	}

}
