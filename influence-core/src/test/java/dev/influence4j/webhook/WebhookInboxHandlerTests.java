package dev.influence4j.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.DeliverySettings;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.OutboxDispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stored deliveries are handled through the delivery engine: parsed, published, and their codes created
 * exactly once in the shop even when Influence.io repeats a delivery or the shop's issuer fails.
 */
class WebhookInboxHandlerTests {

	private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());

	private final List<InfluenceWebhookEvent<?>> events = new CopyOnWriteArrayList<>();

	private final List<RewardCode> issued = new CopyOnWriteArrayList<>();

	private OutboxDispatcher dispatcher;

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.close();
		}
	}

	private WebhookReceiver startWith(RewardCodeIssuer issuer) {
		WebhookInboxHandler handler = new WebhookInboxHandler(this.events::add, () -> issuer);
		this.dispatcher = new OutboxDispatcher(this.outbox, List.of(handler),
				DeliverySettings.defaults("node")
					.withPollInterval(Duration.ofMillis(20))
					.withRetry(DeliverySettings.exponentialRetry(5, Duration.ofMillis(20), 2.0, Duration.ofMillis(100), 0.1)),
				new DeliveryListener() {
				}, Clock.systemUTC());
		this.dispatcher.start();
		return new WebhookReceiver(WebhookSecrets.of(WebhookSamples.SECRET), 64 * 1024, 8, this.outbox, this.dispatcher::nudge, Clock.systemUTC());
	}

	@Test
	void aDeliveryRepeatedThreeTimesCreatesOneCode() {
		WebhookReceiver receiver = startWith(this.issued::add);

		for (int i = 0; i < 3; i++) {
			assertThat(receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_REDEEMED, "w-18")).status()).isEqualTo(200);
		}

		await().untilAsserted(() -> assertThat(this.outbox.countsByStatus()).containsEntry(DeliveryStatus.DELIVERED, 1L));
		assertThat(this.issued).singleElement().satisfies((code) -> {
			assertThat(code.couponCode()).isEqualTo("INF-7K2M9Q4ZXA");
			assertThat(code.retry()).isFalse();
		});
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.payload()).isInstanceOf(PointsRedeemed.class);
			assertThat(event.topic()).contains(WebhookTopic.POINTS_REDEEMED);
			assertThat(event.raw().path("redeemRule").path("pointCost").asInt()).isEqualTo(500);
			assertThat(event.getResolvableType().getGeneric(0).resolve()).isEqualTo(PointsRedeemed.class);
		});
	}

	@Test
	void anIssuerThatFailsIsRetriedUntilOneSuccessAndToldItIsARetry() {
		AtomicInteger calls = new AtomicInteger();
		WebhookReceiver receiver = startWith((code) -> {
			if (calls.incrementAndGet() < 3) {
				throw new IllegalStateException("discount service unavailable");
			}
			this.issued.add(code);
		});

		receiver.receive(WebhookSamples.request(WebhookTopic.REFERRALS_STARTED, "w-5"));

		await().untilAsserted(() -> assertThat(this.issued).hasSize(1));
		assertThat(calls).hasValue(3);
		assertThat(this.issued.get(0).retry()).isTrue();
		assertThat(this.issued.get(0).couponCode()).isEqualTo("FRIEND-3KD9");
		await().untilAsserted(() -> assertThat(this.outbox.find(1)).hasValueSatisfying((entry) -> {
			assertThat(entry.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(entry.attempts()).isEqualTo(3);
		}));
	}

	@Test
	void withoutAnIssuerACodeBearingDeliveryWaitsAsADeadLetterThatSaysWhatToImplement() {
		WebhookReceiver receiver = startWith(null);

		receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_REDEEMED, "w-18"));

		await().untilAsserted(() -> assertThat(this.outbox.countsByStatus()).containsEntry(DeliveryStatus.DEAD, 1L));
		assertThat(this.outbox.deadLetters(0, 1).get(0).lastError())
			.contains("no RewardCodeIssuer bean", "implement dev.influence4j.webhook.RewardCodeIssuer", "then requeue");
	}

	@Test
	void topicsWithoutCodesArePublishedOnlyAndUnknownTopicsAsUnknownWebhook() {
		WebhookReceiver receiver = startWith(this.issued::add);

		receiver.receive(WebhookSamples.request(WebhookTopic.POINTS_EARNED, "w-1"));
		receiver.receive(WebhookSamples.request(WebhookTopic.CUSTOMERS_TIER_CHANGED, "w-2"));
		receiver.receive(WebhookRequest.of(WebhookSamples.SECRET, "loyalty/new_thing", "w-3", "application/json",
				"{\"hello\":\"world\"}".getBytes()));

		await().untilAsserted(() -> assertThat(this.events).hasSize(3));
		assertThat(this.events).extracting((event) -> event.payload().getClass().getSimpleName())
			.containsExactlyInAnyOrder("PointsEarned", "TierChanged", "UnknownWebhook");
		assertThat(this.issued).isEmpty();
	}

	@Test
	void aTierEntryDeliveryWithoutACodeIsKeptAsADeadLetter() {
		WebhookReceiver receiver = startWith(this.issued::add);

		receiver.receive(WebhookRequest.of(WebhookSamples.SECRET, "customers/tier_entry_reward_earned", "w-9",
				"application/json", "{\"customer\":{\"externalId\":\"42\"}}".getBytes()));

		await().untilAsserted(() -> assertThat(this.outbox.countsByStatus()).containsEntry(DeliveryStatus.DEAD, 1L));
		assertThat(this.outbox.deadLetters(0, 1).get(0).lastError()).contains("carries no coupon code");
		assertThat(this.issued).isEmpty();
	}

}
