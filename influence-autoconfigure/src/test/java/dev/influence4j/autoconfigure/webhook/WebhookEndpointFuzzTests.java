package dev.influence4j.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.test.InfluenceWebhookSamples;
import dev.influence4j.webhook.RewardCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ten thousand random and mutated requests through the whole web stack (the webhook filter ahead of Spring
 * Security and MVC, the receiver, the inbox, the dispatcher): no answer is a 5xx, and the shop's issuer is called
 * only for accepted deliveries that carry a code, at most once each. Headers of every length up to 300, and
 * with characters outside ASCII, are among them.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=" + WebhookTestApplication.SECRET, "influence.webhooks.max-body-size=4KB",
				"spring.datasource.url=jdbc:h2:mem:webhook-fuzz;DB_CLOSE_DELAY=-1",
				"influence.delivery.poll-interval=50ms", "influence.delivery.concurrency=8",
				"influence.platform.base-url=http://127.0.0.1:9", "logging.level.dev.influence4j.webhook=ERROR" })
@AutoConfigureMockMvc
class WebhookEndpointFuzzTests {

	private static final int REQUESTS = 10_000;

	private final Random random = new Random(42L);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private WebhookTestApplication.RecordingIssuer issuer;

	@Autowired
	private Outbox outbox;

	@Test
	void tenThousandRandomAndMutatedRequestsGetNoServerErrorAndNoUnexpectedIssuerCall() throws Exception {
		Map<Integer, Integer> statuses = new HashMap<>();
		Set<String> acceptedWithCode = new HashSet<>();
		for (int i = 0; i < REQUESTS; i++) {
			String topic = topic();
			String id = webhookId(i);
			byte[] body = body();
			int status = this.mvc.perform(request(i, topic, id, body)).andReturn().getResponse().getStatus();
			statuses.merge(status, 1, Integer::sum);
			if (status == 200 && topic != null && List.of("points/redeemed", "referrals/started", "referrals/completed",
					"customers/tier_entry_reward_earned").contains(topic)) {
				acceptedWithCode.add(topic + ":" + ((id != null) ? id : "sha256:" + sha256(body)));
			}
		}

		assertThat(statuses.keySet()).allSatisfy((status) -> assertThat(status).isLessThan(500));
		assertThat(statuses).containsKeys(200, 400, 404, 413, 415);
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(this.outbox.countsByStatus())
			.containsEntry(DeliveryStatus.PENDING, 0L)
			.containsEntry(DeliveryStatus.IN_FLIGHT, 0L));
		Set<String> calledFor = new HashSet<>();
		for (RewardCode code : this.issuer.calls) {
			String key = code.source().topic().wireName() + ":" + code.webhookId();
			assertThat(calledFor.add(key)).as("issuer called twice for %s", key).isTrue();
			assertThat(acceptedWithCode).as("issuer called for a delivery that was not accepted").contains(key);
		}
		assertThat(this.issuer.calls).hasSizeGreaterThan(100);
	}

	private MockHttpServletRequestBuilder request(int index, String topic, String id, byte[] body) {
		String secret = switch (this.random.nextInt(20)) {
			case 0 -> "x";
			case 1 -> WebhookTestApplication.SECRET.substring(1);
			case 2 -> WebhookTestApplication.SECRET + "%2F..";
			default -> WebhookTestApplication.SECRET;
		};
		MockHttpServletRequestBuilder request = post("/influence/webhooks/" + secret).content(body);
		String contentType = switch (this.random.nextInt(14)) {
			case 0 -> "text/plain";
			case 1 -> "application/x-www-form-urlencoded";
			case 2 -> "application/json; charset=ISO-8859-1";
			case 3 -> null;
			case 4 -> "multipart/form-data; boundary=x";
			case 5 -> "multipart/form-data";
			default -> "application/json";
		};
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (topic != null) {
			request.header("X-Webhook-Topic", topic);
		}
		if (id != null) {
			request.header("X-Webhook-Id", id);
		}
		if (index % 97 == 0) {
			request.header("X-Webhook-Topic", "points/earned");
		}
		return request;
	}

	private String topic() {
		return switch (this.random.nextInt(14)) {
			case 0 -> null;
			case 1 -> "";
			case 2 -> "points/../redeemed";
			case 3 -> "ünïcødé/topic";
			case 4 -> "loyalty/" + "t".repeat(this.random.nextInt(293));
			case 5 -> "points/redeemed" + "€".repeat(this.random.nextInt(3));
			default -> InfluenceWebhookSamples.TOPICS.get(this.random.nextInt(InfluenceWebhookSamples.TOPICS.size()));
		};
	}

	private String webhookId(int index) {
		return switch (this.random.nextInt(12)) {
			case 0 -> null;
			case 1 -> "id with spaces";
			case 5 -> "w-" + index + "-" + "i".repeat(this.random.nextInt(300));
			case 6 -> "w-" + index + "-ünïcødé";
			case 2, 3, 4 -> "w-" + this.random.nextInt(300);
			default -> "w-" + index;
		};
	}

	private byte[] body() {
		String topic = InfluenceWebhookSamples.TOPICS.get(this.random.nextInt(InfluenceWebhookSamples.TOPICS.size()));
		String json = new String(InfluenceWebhookSamples.body(topic), StandardCharsets.UTF_8);
		return switch (this.random.nextInt(10)) {
			case 0 -> new byte[0];
			case 1 -> json.substring(0, this.random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
			case 2 -> {
				byte[] noise = new byte[this.random.nextInt(300)];
				this.random.nextBytes(noise);
				yield noise;
			}
			case 3 -> (json + " ".repeat(5000)).getBytes(StandardCharsets.UTF_8);
			case 4 -> json.replace("\"couponCode\"", "\"code\"").getBytes(StandardCharsets.UTF_8);
			case 5 -> ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
			case 6 -> json.replace("{", "{\"customer\":\"nobody\",").getBytes(StandardCharsets.UTF_8);
			default -> json.getBytes(StandardCharsets.UTF_8);
		};
	}

	private static String sha256(byte[] body) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
	}

}
