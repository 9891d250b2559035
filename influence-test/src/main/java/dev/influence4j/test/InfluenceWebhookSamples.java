package dev.influence4j.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;

/**
 * Realistic webhook bodies for every Influence.io topic (shapes from Influence.io's topic pages, plus the
 * {@code redeemRule} object live {@code points/redeemed} payloads carry), and a way to post one to an
 * application the way Influence.io does: for testing a shop's {@code RewardCodeIssuer} and listeners.
 * <pre>{@code
 * HttpResponse<String> answer = InfluenceWebhookSamples.post(
 *         URI.create("http://localhost:" + port + "/influence/webhooks/" + secret), "points/redeemed", "w-1",
 *         InfluenceWebhookSamples.body("points/redeemed"));
 * }</pre>
 * The bodies are JSON files in this jar, under {@code dev/influence4j/test/webhooks/}; they are influence4j's only
 * copy of them, which its own tests read too.
 */
public final class InfluenceWebhookSamples {

	/** Every topic a sample exists for. */
	public static final List<String> TOPICS = List.of("customers/updated", "customers/tier_changed",
			"customers/tier_entry_reward_earned", "points/earned", "points/redeemed", "referrals/started",
			"referrals/completed");

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private InfluenceWebhookSamples() {
	}

	/**
	 * The sample body of a topic, as UTF-8 JSON bytes.
	 * @param topic the topic, for example {@code points/redeemed}
	 * @return the body
	 */
	public static byte[] body(String topic) {
		if (!TOPICS.contains(topic)) {
			throw new IllegalArgumentException("no sample for topic '" + topic + "'; samples exist for " + TOPICS);
		}
		String name = "webhooks/" + topic.replace('/', '-') + ".json";
		try (InputStream in = InfluenceWebhookSamples.class.getResourceAsStream(name)) {
			return Objects.requireNonNull(in, name).readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Post a body the way Influence.io does: JSON, with {@code X-Webhook-Topic} and {@code X-Webhook-Id}.
	 * @param endpoint the application's webhook URL, secret included
	 * @param topic the topic header
	 * @param webhookId the id header
	 * @param body the body
	 * @return the application's answer
	 */
	public static HttpResponse<String> post(URI endpoint, String topic, String webhookId, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json")
			.header("X-Webhook-Topic", topic)
			.header("X-Webhook-Id", webhookId)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while posting a webhook", ex);
		}
	}

}
