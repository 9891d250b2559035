package dev.influence4j.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.test.InfluenceWebhookSamples;
import dev.influence4j.webhook.PointsRedeemed;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook endpoint of a shop with Spring Security's defaults: every topic is accepted over MockMvc and
 * over real HTTP without a login or CSRF token, stored, published and, when it carries a code, handed to the
 * shop's issuer exactly once.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=" + WebhookTestApplication.SECRET, "influence.webhooks.max-body-size=16KB",
				"spring.datasource.url=jdbc:h2:mem:webhooks;DB_CLOSE_DELAY=-1",
				"influence.delivery.poll-interval=50ms", "influence.delivery.retry.initial-backoff=50ms",
				"influence.delivery.retry.max-backoff=200ms", "influence.platform.base-url=http://127.0.0.1:9" })
@AutoConfigureMockMvc
class WebhookEndpointTests {

	private static final String PATH = "/influence/webhooks/" + WebhookTestApplication.SECRET;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private WebhookTestApplication.RecordingIssuer issuer;

	@Autowired
	private WebhookTestApplication.WebhookEventLog log;

	@Autowired
	private Outbox outbox;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@BeforeEach
	void reset() {
		this.issuer.reset();
		this.log.events.clear();
	}

	private MockHttpServletRequestBuilder delivery(String topic, String webhookId) {
		return post(PATH).contentType(MediaType.APPLICATION_JSON)
			.header("X-Webhook-Topic", topic)
			.header("X-Webhook-Id", webhookId)
			.content(InfluenceWebhookSamples.body(topic));
	}

	@ParameterizedTest
	@ValueSource(strings = { "customers/updated", "customers/tier_changed", "customers/tier_entry_reward_earned",
			"points/earned", "points/redeemed", "referrals/started", "referrals/completed" })
	void acceptsEveryTopicOverMockMvcAndPublishesItsTypedEvent(String topic) throws Exception {
		String id = "mvc-" + topic;

		this.mvc.perform(delivery(topic, id)).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("accepted"));

		await().untilAsserted(() -> assertThat(this.log.events).anySatisfy((event) -> {
			assertThat(event.webhookId()).isEqualTo(id);
			assertThat(event.topicName()).isEqualTo(topic);
			assertThat(event.payload().getClass().getSimpleName()).isNotEqualTo("UnknownWebhook");
		}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "customers/updated", "customers/tier_changed", "customers/tier_entry_reward_earned",
			"points/earned", "points/redeemed", "referrals/started", "referrals/completed" })
	void acceptsEveryTopicOverRealHttpWithoutLoginOrCsrfToken(String topic) {
		HttpResponse<String> answer = InfluenceWebhookSamples.post(endpoint(WebhookTestApplication.SECRET), topic,
				"http-" + topic, InfluenceWebhookSamples.body(topic));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("accepted");
		await().untilAsserted(() -> assertThat(this.log.events).anySatisfy((event) -> assertThat(event.webhookId()).isEqualTo("http-" + topic)));
	}

	@Test
	void aRedeemedRewardReachesTheIssuerWithEverythingNeededToCreateTheCode() throws Exception {
		this.mvc.perform(delivery("points/redeemed", "w-redeem")).andExpect(status().isOk());

		await().untilAsserted(() -> assertThat(this.issuer.created).containsExactly("INF-7K2M9Q4ZXA"));
		RewardCode code = this.issuer.calls.get(0);
		assertThat(code.source()).isEqualTo(RewardCodeSource.POINTS_REDEEMED);
		assertThat(code.customerExternalId()).isEqualTo("42");
		assertThat(code.discountValue()).isEqualByComparingTo("5");
		assertThat(code.redeemRule().minSpendAmount()).isEqualByComparingTo("20");
		await().untilAsserted(() -> assertThat(this.log.events).anySatisfy((event) -> {
			assertThat(event.payload()).isInstanceOf(PointsRedeemed.class);
			assertThat(event.raw().path("redeemRule").path("pointCost").asInt()).isEqualTo(500);
		}));
	}

	@Test
	void theSameDeliveryThreeTimesCreatesOneCode() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(delivery("referrals/completed", "w-dup")).andExpect(status().isOk());
		}

		await().untilAsserted(() -> assertThat(this.issuer.created).containsExactly("REFER-8HJ2"));
		assertThat(this.issuer.calls).hasSize(1);
	}

	@Test
	void anIssuerThatFailsIsRetriedLaterUntilItSucceedsOnce() throws Exception {
		this.issuer.failuresToCome.set(2);

		this.mvc.perform(delivery("referrals/started", "w-retry")).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.issuer.created).containsExactly("FRIEND-3KD9"));
		assertThat(this.issuer.calls).hasSize(3);
		assertThat(this.issuer.calls.get(0).retry()).isFalse();
		assertThat(this.issuer.calls.get(2).retry()).isTrue();
	}

	@Test
	void aWrongSecretIsAnEmptyNotFound() throws Exception {
		this.mvc.perform(post("/influence/webhooks/not-the-secret").contentType(MediaType.APPLICATION_JSON)
			.header("X-Webhook-Topic", "points/redeemed")
			.content(InfluenceWebhookSamples.body("points/redeemed")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(""));
		HttpResponse<String> overHttp = InfluenceWebhookSamples.post(endpoint("guess"), "points/redeemed", "w-1",
				InfluenceWebhookSamples.body("points/redeemed"));
		assertThat(overHttp.statusCode()).isEqualTo(404);
	}

	@Test
	void anOversizedBodyIs413() throws Exception {
		byte[] big = new byte[20 * 1024];
		java.util.Arrays.fill(big, (byte) ' ');

		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Webhook-Topic", "points/earned").content(big))
			.andExpect(status().isPayloadTooLarge());
		assertThat(InfluenceWebhookSamples.post(endpoint(WebhookTestApplication.SECRET), "points/earned", "big", big).statusCode())
			.isEqualTo(413);
	}

	@Test
	void badRequestsGetTheirStatusAndAShortReason() throws Exception {
		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(InfluenceWebhookSamples.body("points/earned")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.result").value("missing X-Webhook-Topic header"));
		this.mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).header("X-Webhook-Topic", "points/earned").content("{}"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Webhook-Topic", "points/earned").content("{oops"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.result").value("body is not valid JSON"));
		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Webhook-Topic", "points/redeemed")
			.content("{\"customer\":{\"externalId\":\"42\"}}".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.result").value("points/redeemed: 'couponCode' is required"));
		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Webhook-Topic", "points/earned"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.result").value("empty body"));
		assertThat(this.outbox.countsByStatus().get(DeliveryStatus.DEAD)).isZero();
	}

	@Test
	void everyAnswerIsCountedByTopicAndAnswerWithoutTheSecret() throws Exception {
		double acceptedBefore = count("points/earned", "accepted");
		double wrongBefore = count("other", "wrong_secret");

		this.mvc.perform(delivery("points/earned", "counted-1")).andExpect(status().isOk());
		this.mvc.perform(post("/influence/webhooks/guessed-" + WebhookTestApplication.SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isNotFound());

		assertThat(count("points/earned", "accepted")).isEqualTo(acceptedBefore + 1);
		assertThat(count("other", "wrong_secret")).isEqualTo(wrongBefore + 1);
		assertThat(this.meters.find("influence.webhooks").counters()).allSatisfy((counter) -> assertThat(
				counter.getId().getTags().toString()).doesNotContain(WebhookTestApplication.SECRET));
	}

	private double count(String topic, String answer) {
		Counter counter = this.meters.find("influence.webhooks").tag("topic", topic).tag("answer", answer).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private URI endpoint(String secret) {
		return URI.create("http://127.0.0.1:" + this.port + "/influence/webhooks/" + secret);
	}

}
