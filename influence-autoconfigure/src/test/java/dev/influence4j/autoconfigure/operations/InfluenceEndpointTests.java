package dev.influence4j.autoconfigure.operations;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.test.InfluenceWebhookSamples;
import dev.influence4j.webhook.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code influence} actuator endpoint over HTTP with its default access: the summary and the dead letters
 * (emails and reward codes masked) can be read, nothing can be written; the health indicator and the gauges are in Boot's
 * endpoints.
 */
@SpringBootTest(classes = OperationsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl",
				"spring.datasource.url=jdbc:h2:mem:endpoint-read-only;DB_CLOSE_DELAY=-1",
				"influence.http.retry.max-attempts=1", "influence.delivery.poll-interval=100ms",
				"management.endpoints.web.exposure.include=health,influence,metrics",
				"management.endpoint.health.show-details=always" })
class InfluenceEndpointTests extends EndpointTestSupport {

	@Test
	void readsTheSummaryAndTheDeadLettersWithEmailsMaskedButRefusesToWrite() throws Exception {
		long id = aDeadLetter("1001");

		HttpResponse<String> summary = read("/actuator/influence");
		assertThat(summary.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(body(read("/actuator/influence")).path("deadLetters").asLong())
				.isEqualTo(deadLetters()));
		JsonNode read = body(read("/actuator/influence"));
		assertThat(read.path("status").asString()).isEqualTo("UP");
		assertThat(read.path("entries").path("dead").asLong()).isEqualTo(deadLetters()).isPositive();
		assertThat(read.path("node").asString()).isNotBlank();

		HttpResponse<String> letters = read("/actuator/influence/dead-letters");
		assertThat(letters.statusCode()).isEqualTo(200);
		JsonNode letter = null;
		for (JsonNode item : body(letters).path("items")) {
			if (item.path("id").asLong() == id) {
				letter = item;
			}
		}
		assertThat(letter).as("dead letter %s listed", id).isNotNull();
		assertThat(letter.path("id").asLong()).isEqualTo(id);
		assertThat(letter.path("kind").asString()).isEqualTo("order.completed");
		assertThat(letter.path("attempts").asInt()).isEqualTo(1);
		assertThat(letter.path("lastError").asString()).contains("HTTP 422", "customer J***@Example.com is blocked");
		assertThat(letter.path("payload").asString()).contains("j***@example.com");
		assertThat(letters.body()).doesNotContainIgnoringCase("jane.doe").doesNotContain("EXAMPLE_API_KEY");

		HttpResponse<String> write = send("/actuator/influence/dead-letters/" + id, "");
		assertThat(write.statusCode()).isIn(404, 405);
		assertThat(outboxStatus(id)).isEqualTo(DeliveryStatus.DEAD);
	}

	@Test
	void aDeadWebhookIsListedWithItsRewardCodeMasked() throws Exception {
		// No RewardCodeIssuer in this shop: the delivery becomes a dead letter that keeps the body.
		HttpResponse<String> received = InfluenceWebhookSamples.post(
				uri("/influence/webhooks/test-webhook-secret-0123456789abcdefghijkl"), "points/redeemed", "masked-1",
				InfluenceWebhookSamples.body("points/redeemed"));
		assertThat(received.statusCode()).isEqualTo(200);
		assertThat(new String(InfluenceWebhookSamples.body("points/redeemed"), StandardCharsets.UTF_8)).contains("INF-7K2M9Q4ZXA");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.outbox.deadLetters(0, 100)
				.stream()
				.anyMatch((entry) -> entry.entityKey().equals("webhook:points/redeemed:masked-1")));

		HttpResponse<String> letters = read("/actuator/influence/dead-letters?kind=" + WebhookReceiver.KIND);

		assertThat(letters.statusCode()).isEqualTo(200);
		JsonNode letter = body(letters).path("items").get(0);
		assertThat(letter.path("entityKey").asString()).isEqualTo("webhook:points/redeemed:masked-1");
		assertThat(letter.path("lastError").asString()).contains("no RewardCodeIssuer bean");
		JsonNode stored = parse(parse(letter.path("payload").asString()).path("body").asString());
		assertThat(stored.path("couponCode").asString()).isEqualTo("IN***");
		assertThat(stored.path("customer").path("email").asString()).isEqualTo("j***@example.com");
		assertThat(letters.body()).doesNotContain("INF-7K2M9Q4ZXA").doesNotContain("jane@example.com");
	}

	@Test
	void everyDeliveryIsTimedByKindAndOutcomeInTheMetricsEndpoint() throws Exception {
		aDeadLetter("1002");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> timer = read("/actuator/metrics/influence.delivery?tag=outcome:dead&tag=kind:order.completed");
			assertThat(timer.statusCode()).isEqualTo(200);
			assertThat(body(timer).path("availableTags").toString()).contains("error.type", "rejected");
		});
	}

	@Test
	void theGaugesAreInTheMetricsEndpoint() throws Exception {
		HttpResponse<String> entries = read("/actuator/metrics/influence.outbox.entries");
		assertThat(entries.statusCode()).isEqualTo(200);
		assertThat(body(entries).path("availableTags").toString()).contains("status", "pending", "dead");
		assertThat(read("/actuator/metrics/influence.outbox.oldest.age").statusCode()).isEqualTo(200);
		assertThat(read("/actuator/metrics/influence.delivery.paused").statusCode()).isEqualTo(200);
	}

	@Test
	void withoutBackfillSourcesTheImportsSayWhatIsMissing() throws Exception {
		HttpResponse<String> imports = read("/actuator/influence/backfill");

		assertThat(imports.statusCode()).isEqualTo(404);
		assertThat(body(imports).path("error").asString()).startsWith("no backfill here: define a BackfillSource bean");
	}

	@Test
	void theHealthIndicatorIsInTheHealthEndpoint() throws Exception {
		HttpResponse<String> health = read("/actuator/health/influence");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(body(health).path("status").asString()).isEqualTo("UP");
	}

	private long deadLetters() {
		return this.outbox.countsByStatus().get(DeliveryStatus.DEAD);
	}

	private DeliveryStatus outboxStatus(long id) {
		return this.outbox.find(id).orElseThrow().status();
	}

}
