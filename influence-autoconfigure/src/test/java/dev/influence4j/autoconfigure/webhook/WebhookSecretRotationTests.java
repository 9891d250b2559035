package dev.influence4j.autoconfigure.webhook;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.influence4j.test.InfluenceWebhookSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotating the webhook secret: while {@code influence.webhooks.previous-secret} is set, deliveries to the old
 * and the new URL are both accepted; once it is removed, only the new URL is. A delivery repeated across the
 * rotation is still recognised as a repeat.
 */
class WebhookSecretRotationTests {

	private static final String OLD = "old-webhook-secret-0123456789abcdefghijklmnop";

	private static final String NEW = "new-webhook-secret-0123456789abcdefghijklmnop";

	@Test
	void theOldAndTheNewSecretAreAcceptedDuringTheRotationThenOnlyTheNewOne() {
		try (ConfigurableApplicationContext shop = start("influence.webhooks.secret=" + NEW,
				"influence.webhooks.previous-secret=" + OLD)) {
			RawHttp http = http(shop);

			assertThat(post(http, OLD, "rotation-1").status()).isEqualTo(200);
			assertThat(post(http, NEW, "rotation-2").status()).isEqualTo(200);
			assertThat(post(http, "other-webhook-secret-0123456789abcdefghijklmn", "rotation-3").status()).isEqualTo(404);
			WebhookTestApplication.RecordingIssuer issuer = shop.getBean(WebhookTestApplication.RecordingIssuer.class);
			await().untilAsserted(() -> assertThat(issuer.calls).hasSize(2));
		}

		try (ConfigurableApplicationContext shop = start("influence.webhooks.secret=" + NEW)) {
			RawHttp http = http(shop);

			assertThat(post(http, OLD, "rotation-4").status()).isEqualTo(404);
			RawHttp.Answer repeat = post(http, NEW, "rotation-1");
			assertThat(repeat.status()).isEqualTo(200);
			assertThat(repeat.body()).isEqualTo("{\"result\":\"duplicate\"}");
			assertThat(post(http, NEW, "rotation-5").body()).isEqualTo("{\"result\":\"accepted\"}");
		}
	}

	private static ConfigurableApplicationContext start(String... secrets) {
		return new SpringApplicationBuilder(WebhookTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "influence.api-key=EXAMPLE_API_KEY",
					"influence.shop-key=example-com", "influence.platform.base-url=http://127.0.0.1:9",
					"influence.delivery.poll-interval=50ms",
					// One database for both runs, as a shop's would be across a restart.
					"spring.datasource.url=jdbc:h2:mem:webhook-rotation;DB_CLOSE_DELAY=-1")
			.properties(secrets)
			.run();
	}

	private static RawHttp http(ConfigurableApplicationContext shop) {
		return new RawHttp(((WebServerApplicationContext) shop).getWebServer().getPort());
	}

	private static RawHttp.Answer post(RawHttp http, String secret, String webhookId) {
		return http.send("POST", "/influence/webhooks/" + secret, Map.of("Content-Type", "application/json",
				"X-Webhook-Topic", "points/redeemed", "X-Webhook-Id", webhookId), InfluenceWebhookSamples.body("points/redeemed"));
	}

}
