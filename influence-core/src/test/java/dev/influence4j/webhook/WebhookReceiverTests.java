package dev.influence4j.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;

import org.junit.jupiter.api.Test;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.OutboxEntry;
import dev.influence4j.webhook.WebhookReceipt.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the receiver answers, and what it stores, for good and bad deliveries.
 */
class WebhookReceiverTests {

	private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());

	private final AtomicInteger nudges = new AtomicInteger();

	private final WebhookReceiver receiver = new WebhookReceiver(WebhookSecrets.of(WebhookSamples.SECRET), 64 * 1024, 8, this.outbox,
			this.nudges::incrementAndGet, Clock.systemUTC());

	private long stored() {
		return this.outbox.countsByStatus().values().stream().mapToLong(Long::longValue).sum();
	}

	@Test
	void storesEveryKnownTopicBeforeAnsweringAndNudgesTheDispatcher() {
		for (WebhookTopic topic : WebhookTopic.values()) {
			assertThat(this.receiver.receive(WebhookSamples.request(topic, "id-" + topic.ordinal())))
				.as(topic.wireName())
				.isEqualTo(new WebhookReceipt(Outcome.ACCEPTED, "accepted"));
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

		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(Outcome.ACCEPTED, "accepted"));
		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(Outcome.DUPLICATE, "duplicate"));
		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(Outcome.DUPLICATE, "duplicate"));

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
		WebhookRequest request = WebhookRequest.of("guess", "points/redeemed", "w-1", "application/json",
				WebhookSamples.body(WebhookTopic.POINTS_REDEEMED));

		assertThat(this.receiver.receive(request)).isEqualTo(new WebhookReceipt(Outcome.WRONG_SECRET, "not found"));
		WebhookSecrets secrets = WebhookSecrets.of(WebhookSamples.SECRET);
		assertThat(secrets.match(WebhookSamples.SECRET)).isEqualTo(WebhookSecrets.Match.CURRENT);
		assertThat(secrets.match(WebhookSamples.SECRET + "x")).isEqualTo(WebhookSecrets.Match.NONE);
		assertThat(secrets.match(WebhookSamples.SECRET.toUpperCase())).isEqualTo(WebhookSecrets.Match.NONE);
		assertThat(secrets.match(null)).isEqualTo(WebhookSecrets.Match.NONE);
		assertThat(stored()).isZero();
	}

	@Test
	void answersEachBadRequestWithItsStatusAndStoresNothing() {
		byte[] body = WebhookSamples.body(WebhookTopic.POINTS_REDEEMED);
		assertThat(receive("points/redeemed", "application/json", new byte[64 * 1024 + 1]).status()).isEqualTo(413);
		assertThat(receive(null, "application/json", body)).isEqualTo(new WebhookReceipt(Outcome.BAD_HEADER, "missing X-Webhook-Topic header"));
		assertThat(receive(" ", "application/json", body).status()).isEqualTo(400);
		assertThat(receive("points/<script>", "application/json", body)).isEqualTo(new WebhookReceipt(Outcome.BAD_HEADER, "malformed X-Webhook-Topic header"));
		assertThat(receive("points/redeemed", "text/plain", body).status()).isEqualTo(415);
		assertThat(receive("points/redeemed", null, body).status()).isEqualTo(415);
		assertThat(receive("points/redeemed", "application/json", new byte[0])).isEqualTo(new WebhookReceipt(Outcome.BAD_BODY, "empty body"));
		assertThat(receive("points/redeemed", "application/json", "{\"customer\":".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WebhookReceipt(Outcome.BAD_BODY, "body is not valid JSON"));
		assertThat(receive("points/redeemed", "application/json", "[]".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WebhookReceipt(Outcome.BAD_BODY, "body must be a JSON object"));
		assertThat(receive("points/redeemed", "application/json; charset=UTF-8", "{\"customer\":{}}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WebhookReceipt(Outcome.BAD_BODY, "points/redeemed: 'couponCode' is required"));
		assertThat(stored()).isZero();
	}

	@Test
	void headerLimitsFollowFromTheOutboxKeyColumnSoTheLongestAcceptedDeliveryFits() {
		String longestTopic = "loyalty/" + "t".repeat(WebhookReceiver.MAX_TOPIC_LENGTH - 8);
		String longestId = "i".repeat(WebhookReceiver.MAX_WEBHOOK_ID_LENGTH);
		byte[] body = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);

		assertThat(this.receiver.receive(WebhookRequest.of(WebhookSamples.SECRET, longestTopic, longestId,
				"application/json", body))).isEqualTo(new WebhookReceipt(Outcome.ACCEPTED, "accepted"));
		assertThat(this.receiver.receive(WebhookRequest.of(WebhookSamples.SECRET, longestTopic + "t", "w-1",
				"application/json", body)))
			.isEqualTo(new WebhookReceipt(Outcome.BAD_HEADER, "X-Webhook-Topic header longer than 64 characters"));
		assertThat(this.receiver.receive(WebhookRequest.of(WebhookSamples.SECRET, "points/earned", longestId + "i",
				"application/json", body)))
			.isEqualTo(new WebhookReceipt(Outcome.BAD_HEADER, "X-Webhook-Id header longer than 182 characters"));

		OutboxEntry stored = this.outbox.claim("test", 10, Duration.ofMinutes(1)).get(0);
		assertThat(stored.entityKey()).hasSize(NewOutboxEntry.MAX_KEY_LENGTH).endsWith(longestId);
		assertThat(stored.dedupKey()).hasSizeLessThanOrEqualTo(NewOutboxEntry.MAX_KEY_LENGTH);
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
		AtomicInteger reads = new AtomicInteger();
		WebhookRequest request = new WebhookRequest(WebhookSamples.SECRET, "points/earned", "w-big", "application/json",
				64 * 1024 + 1, (max) -> {
					reads.incrementAndGet();
					return new byte[0];
				});

		assertThat(this.receiver.receive(request).outcome()).isEqualTo(Outcome.TOO_LARGE);
		assertThat(reads).hasValue(0);
	}

	@Test
	void aBodyThatCannotBeReadOrStoredIsAnsweredNotThrown() {
		WebhookRequest unreadable = new WebhookRequest(WebhookSamples.SECRET, "points/earned", "w-gone",
				"application/json", -1, (max) -> {
					throw new IOException("connection reset");
				});
		assertThat(this.receiver.receive(unreadable)).isEqualTo(new WebhookReceipt(Outcome.BAD_BODY, "body could not be read"));

		// A real outbox whose database goes away.
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:receiver-" + UUID.randomUUID());
		JdbcOutbox broken = JdbcOutbox.of(database);
		database.setURL("jdbc:h2:tcp://127.0.0.1:9/nowhere");
		WebhookReceiver receiver = new WebhookReceiver(WebhookSecrets.of(WebhookSamples.SECRET), 64 * 1024, 1, broken, () -> { },
				Clock.systemUTC());
		assertThat(receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_EARNED, "w-down")))
			.isEqualTo(new WebhookReceipt(Outcome.UNAVAILABLE, "could not store the delivery, retry later"));
		assertThat(receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_EARNED, "w-down")).status()).isEqualTo(503);
	}

	@Test
	void whileTheSecretIsRotatedBothAreAcceptedAndThenOnlyTheNewOne() {
		String newSecret = "whsec-new-0123456789abcdefghijklmnopqrstuv";
		WebhookReceiver rotating = new WebhookReceiver(WebhookSecrets.of(newSecret, WebhookSamples.SECRET), 64 * 1024, 8,
				this.outbox, () -> { }, Clock.systemUTC());
		byte[] body = WebhookSamples.body(WebhookTopic.POINTS_EARNED);

		assertThat(rotating.receive(WebhookRequest.of(WebhookSamples.SECRET, "points/earned", "old-url", "application/json", body))
			.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(rotating.receive(WebhookRequest.of(newSecret, "points/earned", "new-url", "application/json", body))
			.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(rotating.receive(WebhookRequest.of("whsec-other-0123456789abcdefghijklmnopq", "points/earned", "x",
				"application/json", body)).outcome()).isEqualTo(Outcome.WRONG_SECRET);

		WebhookReceiver rotated = new WebhookReceiver(WebhookSecrets.of(newSecret), 64 * 1024, 8, this.outbox, () -> { },
				Clock.systemUTC());
		assertThat(rotated.receive(WebhookRequest.of(WebhookSamples.SECRET, "points/earned", "old-url-2", "application/json",
				body)).outcome()).isEqualTo(Outcome.WRONG_SECRET);
		assertThat(rotated.receive(WebhookRequest.of(newSecret, "points/earned", "new-url-2", "application/json", body))
			.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(stored()).isEqualTo(3);
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
			.isThrownBy(() -> WebhookSecrets.of("short"))
			.withMessageContaining("at least 32 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSecrets.of(WebhookSamples.SECRET, "short-previous"))
			.withMessageContaining("previous webhook secret must be at least 32 characters");
	}

	@Test
	void printsNeitherTheSecretNorTheBody() {
		WebhookRequest request = WebhookSamples.request(WebhookTopic.POINTS_REDEEMED, "w-1");

		assertThat(request.toString()).doesNotContain(WebhookSamples.SECRET).doesNotContain("jane@example.com");
		assertThat(this.receiver.toString()).doesNotContain(WebhookSamples.SECRET);
	}

	private WebhookReceipt receive(String topic, String contentType, byte[] body) {
		return this.receiver.receive(WebhookRequest.of(WebhookSamples.SECRET, topic, "w-x", contentType, body));
	}

}
