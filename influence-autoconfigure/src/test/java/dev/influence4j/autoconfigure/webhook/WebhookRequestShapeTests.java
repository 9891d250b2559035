package dev.influence4j.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.influence4j.test.InfluenceWebhookSamples;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whatever a request to the webhook path looks like (its content type, its method, the shape of its URL, the
 * lengths and bytes of its headers), it gets its documented 200 or 4xx over real HTTP, never a 5xx, and no
 * answer echoes the secret. The application has Spring Security's defaults.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=" + WebhookTestApplication.SECRET, "influence.webhooks.max-body-size=16KB",
				"spring.datasource.url=jdbc:h2:mem:webhook-shapes;DB_CLOSE_DELAY=-1",
				"influence.delivery.poll-interval=50ms", "influence.platform.base-url=http://127.0.0.1:9",
				"logging.level.dev.influence4j.webhook=ERROR" })
class WebhookRequestShapeTests {

	private static final String PATH = "/influence/webhooks/" + WebhookTestApplication.SECRET;

	private static final byte[] REDEEMED = InfluenceWebhookSamples.body("points/redeemed");

	@LocalServerPort
	private int port;

	@Autowired
	private WebhookTestApplication.RecordingIssuer issuer;

	private RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
		this.issuer.reset();
	}

	static Stream<Arguments> contentTypes() {
		return Stream.of(Arguments.of("application/json", 200), Arguments.of("application/json; charset=UTF-8", 200),
				Arguments.of("application/vnd.influence+json", 200),
				Arguments.of("application/x-www-form-urlencoded", 415),
				Arguments.of("multipart/form-data; boundary=----influence4j", 415),
				Arguments.of("multipart/form-data", 415), Arguments.of("multipart/mixed; boundary=", 415),
				Arguments.of("text/plain", 415), Arguments.of("application/xml", 415), Arguments.of(";;;", 415),
				Arguments.of("x", 415), Arguments.of(null, 415));
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@MethodSource("contentTypes")
	void everyContentTypeGetsItsAnswerAndNoneA500(String contentType, int expected) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (contentType != null) {
			headers.put("Content-Type", contentType);
		}
		headers.put("X-Webhook-Topic", "points/earned");
		headers.put("X-Webhook-Id", "ct-" + Integer.toHexString(String.valueOf(contentType).hashCode()));
		byte[] body = contentType != null && contentType.startsWith("multipart/")
				? ("------influence4j\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n------influence4j--\r\n")
					.getBytes(StandardCharsets.UTF_8)
				: InfluenceWebhookSamples.body("points/earned");

		RawHttp.Answer right = this.http.send("POST", PATH, headers, body);
		RawHttp.Answer wrong = this.http.send("POST", "/influence/webhooks/not-the-secret", headers, body);

		assertThat(right.status()).isEqualTo(expected);
		assertThat(right.header("Content-Type")).isEqualTo("application/json");
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.body()).isEmpty();
		assertThat(right.body() + wrong.body()).doesNotContain(WebhookTestApplication.SECRET);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD" })
	void otherMethodsAre405AndNeverReachTheApplication(String method) {
		RawHttp.Answer answer = this.http.send(method, PATH, Map.of("X-Webhook-Topic", "points/earned"),
				method.equals("GET") || method.equals("HEAD") ? new byte[0] : REDEEMED);

		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.header("Allow")).isEqualTo("POST");
		assertThat(answer.body()).doesNotContain(WebhookTestApplication.SECRET);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/influence/webhooks/", "/influence/webhooks/a/b",
			"/influence/webhooks/" + WebhookTestApplication.SECRET + "/extra",
			"/influence/webhooks/" + WebhookTestApplication.SECRET + ";jsessionid=1/x",
			"/influence/webhooks//" + WebhookTestApplication.SECRET + "/",
			"/influence/x/../webhooks/" + WebhookTestApplication.SECRET + "x",
			"/influence/webhooks/%E2%82%AC", "/influence/webhooks/%zz" })
	void urlsOfOtherShapesUnderThePathAreAnsweredByTheEndpointWithoutEchoingThem(String path) {
		RawHttp.Answer answer = this.http.send("POST", path,
				Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed"), REDEEMED);

		assertThat(answer.status()).isBetween(400, 499);
		assertThat(answer.body()).doesNotContain(WebhookTestApplication.SECRET).doesNotContain("webhooks");
	}

	@Test
	void pathParametersAndRepeatedSlashesDoNotChangeWhereADeliveryGoes() {
		Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/earned",
				"X-Webhook-Id", "shape-1");

		assertThat(this.http.send("POST", PATH + ";jsessionid=abc", headers, InfluenceWebhookSamples.body("points/earned"))
			.status()).isEqualTo(200);
		assertThat(this.http.send("POST", "/influence//webhooks/" + WebhookTestApplication.SECRET,
				Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/earned", "X-Webhook-Id", "shape-2"),
				InfluenceWebhookSamples.body("points/earned")).status()).isEqualTo(200);
	}

	@Test
	void headerLengthsFromZeroTo300AreEachAnswered200Or4xxAndEveryAcceptedCodeReachesTheIssuerOnce() {
		List<Integer> statuses = new ArrayList<>();
		Set<String> acceptedRedemptions = new HashSet<>();
		for (int length = 0; length <= 300; length++) {
			// Topics of every length, well formed: accepted up to the limit, then refused.
			String topic = (length <= 8) ? "t".repeat(length) : "loyalty/" + "t".repeat(length - 8);
			RawHttp.Answer byTopic = this.http.send("POST", PATH,
					Map.of("Content-Type", "application/json", "X-Webhook-Topic", topic, "X-Webhook-Id", "topic-" + length),
					"{\"x\":1}".getBytes(StandardCharsets.UTF_8));
			statuses.add(byTopic.status());
			assertThat(byTopic.status()).as("topic of %d characters", length)
				.isEqualTo((length >= 1 && length <= WebhookReceiver.MAX_TOPIC_LENGTH) ? 200 : 400);

			// Ids of every length on a topic that carries a code.
			String id = (length < 6) ? "i".repeat(length) : "id" + length + "-" + "i".repeat(length - 3 - String.valueOf(length).length());
			RawHttp.Answer byId = this.http.send("POST", PATH,
					Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed", "X-Webhook-Id", id),
					REDEEMED);
			statuses.add(byId.status());
			assertThat(id).hasSize(length);
			assertThat(byId.status()).as("id of %d characters", length)
				.isEqualTo((length >= 1 && length <= WebhookReceiver.MAX_WEBHOOK_ID_LENGTH) ? 200 : 400);
			if (byId.status() == 200) {
				assertThat(acceptedRedemptions.add(id)).isTrue();
			}
		}

		assertThat(statuses).hasSize(602).allSatisfy((status) -> assertThat(status).isIn(200, 400));
		assertThat(acceptedRedemptions).hasSize(WebhookReceiver.MAX_WEBHOOK_ID_LENGTH);
		await().untilAsserted(() -> assertThat(this.issuer.calls.stream().map(RewardCode::webhookId).toList())
			.containsExactlyInAnyOrderElementsOf(acceptedRedemptions));
	}

	@Test
	void headersWithBytesOutsideAsciiAreRefusedWith400() {
		for (String header : List.of("X-Webhook-Topic", "X-Webhook-Id")) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("X-Webhook-Topic", "points/earned");
			headers.put("X-Webhook-Id", "ascii-" + header);
			headers.put(header, "ünïcødé/€-" + header);

			RawHttp.Answer answer = this.http.send("POST", PATH, headers, InfluenceWebhookSamples.body("points/earned"));

			assertThat(answer.status()).as(header).isEqualTo(400);
			assertThat(answer.body()).contains("malformed " + header + " header");
		}
	}

}
