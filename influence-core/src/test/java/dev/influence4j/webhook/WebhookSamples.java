package dev.influence4j.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Realistic webhook bodies (shapes from Influence.io's topic pages, plus the {@code redeemRule} seen in
 * live payloads), one file per topic. The files are the test kit's ({@code InfluenceWebhookSamples} in
 * influence-test), the only copy; this module's build puts them on the test classpath under {@code webhooks/}.
 */
final class WebhookSamples {

	static final String SECRET = "whsec-0123456789abcdefghijklmnopqrstuv";

	private WebhookSamples() {
	}

	static byte[] body(WebhookTopic topic) {
		String name = "/webhooks/" + topic.wireName().replace('/', '-') + ".json";
		try (InputStream in = WebhookSamples.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing sample " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static WebhookRequest request(WebhookTopic topic, String webhookId) {
		return WebhookRequest.of(SECRET, topic.wireName(), webhookId, "application/json", body(topic));
	}

}
