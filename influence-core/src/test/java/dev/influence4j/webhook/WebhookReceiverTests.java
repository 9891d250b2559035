package dev.influence4j.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.OutboxEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the receiver answers, and what it stores, for good and bad deliveries.
 */
class WebhookReceiverTests {

	private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());

	private final AtomicInteger nudges = new AtomicInteger();

	private final WebhookReceiver receiver = new WebhookReceiver(WebhookSamples.SECRET, 64 * 1024, 8, this.outbox,
			this.nudges::incrementAndGet, Clock.systemUTC());

	private long stored() {
		return this.outbox.countsByStatus().values().stream().mapToLong(Long::longValue).sum();
	}

	@Test
	void storesEveryKnownTopicBeforeAnsweringAndNudgesTheDispatcher() {
		for (WebhookTopic topic : WebhookTopic.values()) {
			assertThat(this.receiver.receive(WebhookSamples.request(topic, "id-" + topic.ordinal())))
				.as(topic.wireName())
				.isEqualTo(new WebhookReceipt(200, "accepted"));
		}

		assertThat(stored()).isEqualTo(WebhookTopic.values().length);
		assertThat(this.nudges).hasValue(WebhookTopic.values().length);
		OutboxEntry entry = this.outbox.claim("test", 1, Duration.ofMinutes(1)).get(0);
		assertThat(entry.kind()).isEqualTo(WebhookReceiver.KIND);
		assertThat(entry.dedupKey()).isEqualTo("customers/updated:id-0");
		ReceivedWebhook received = EntryPayloads.read(entry, ReceivedWebhook.class);
		assertThat(received.body()).isEqualTo(new String(WebhookSamples.body(WebhookTopic.CUSTOMERS_UPDATED), StandardCharsets.UTF_8));
	}

	@Test
	void aRepeatedIdIsAnsweredOkAndChangesNothing() {
		WebhookRequest request = WebhookSamples.request(WebhookTopic.POINTS_REDEEMED, "w-1");

		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(200, "accepted"));
		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(200, "duplicate"));
		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(200, "duplicate"));

		assertThat(stored()).isEqualTo(1);
		assertThat(this.nudges).hasValue(1);
	}

	@Test
	void theSameIdUnderAnotherTopicIsADifferentDelivery() {
		this.receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_REDEEMED, "w-1"));
		this.receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_EARNED, "w-1"));

		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void withoutAnIdTheBodyItselfRecognisesARepeat() {
		WebhookRequest request = WebhookSamples.request(WebhookTopic.POINTS_EARNED, null);

		assertThat(this.receiver.receive(request).reason()).isEqualTo("accepted");
		assertThat(this.receiver.receive(request).reason()).isEqualTo("duplicate");
	}

	@Test
	void aWrongSecretIsNotFound() {
		WebhookRequest request = new WebhookRequest("guess", "points/redeemed", "w-1", "application/json",
				WebhookSamples.body(WebhookTopic.POINTS_REDEEMED));

		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(404, "not found"));
		assertThat(this.receiver.secretMatches(WebhookSamples.SECRET)).isTrue();
		assertThat(this.receiver.secretMatches(WebhookSamples.SECRET + "x")).isFalse();
		assertThat(this.receiver.secretMatches(WebhookSamples.SECRET.toUpperCase())).isFalse();
		assertThat(this.receiver.secretMatches(null)).isFalse();
		assertThat(stored()).isZero();
	}

	@Test
	void answersEachBadRequestWithItsStatusAndStoresNothing() {
		byte[] body = WebhookSamples.body(WebhookTopic.POINTS_REDEEMED);
		assertThat(receive("points/redeemed", "application/json", new byte[64 * 1024 + 1]).status()).isEqualTo(413);
		assertThat(receive(null, "application/json", body)).isEqualTo(new WebhookReceipt(400, "missing X-Webhook-Topic header"));
		assertThat(receive(" ", "application/json", body).status()).isEqualTo(400);
		assertThat(receive("points/<script>", "application/json", body)).isEqualTo(new WebhookReceipt(400, "malformed X-Webhook-Topic header"));
		assertThat(receive("points/redeemed", "text/plain", body).status()).isEqualTo(415);
		assertThat(receive("points/redeemed", null, body).status()).isEqualTo(415);
		assertThat(receive("points/redeemed", "application/json", new byte[0])).isEqualTo(new WebhookReceipt(400, "empty body"));
		assertThat(receive("points/redeemed", "application/json", "{\"customer\":".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WebhookReceipt(400, "body is not valid JSON"));
		assertThat(receive("points/redeemed", "application/json", "[]".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WebhookReceipt(400, "body must be a JSON object"));
		assertThat(receive("points/redeemed", "application/json; charset=UTF-8", "{\"customer\":{}}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WebhookReceipt(400, "points/redeemed: 'couponCode' is required"));
		assertThat(stored()).isZero();
	}

	@Test
	void storesUnknownTopicsToo() {
		assertThat(receive("loyalty/new_thing", "application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(200);
		assertThat(this.outbox.countsByStatus()).containsEntry(DeliveryStatus.PENDING, 1L);
	}

	@Test
	void aShortSecretIsRefusedAtStartup() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookReceiver("short", 1024, 1, this.outbox, () -> { }, Clock.systemUTC()))
			.withMessageContaining("at least 32 characters");
	}

	@Test
	void printsNeitherTheSecretNorTheBody() {
		WebhookRequest request = WebhookSamples.request(WebhookTopic.POINTS_REDEEMED, "w-1");

		assertThat(request.toString()).doesNotContain(WebhookSamples.SECRET).doesNotContain("jane@example.com");
		assertThat(this.receiver.toString()).doesNotContain(WebhookSamples.SECRET);
	}

	private WebhookReceipt receive(String topic, String contentType, byte[] body) {
		return this.receiver.receive(new WebhookRequest(WebhookSamples.SECRET, topic, "w-x", contentType, body));
	}

}
