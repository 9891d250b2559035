package dev.influence4j.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.delivery.DeliveryPause;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.MutableClock;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.OutboxEntry;
import dev.influence4j.json.InfluenceJson;
import dev.influence4j.webhook.ReceivedWebhook;
import dev.influence4j.webhook.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The operator's API over a real (in-memory) outbox: the cached report and its health rule, dead letters with
 * emails and reward codes masked and paged, requeue with what it did.
 */
class DeliveryOperationsTests {

	private static final JsonMapper JSON = InfluenceJson.mapper();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final InMemoryOutbox outbox = new InMemoryOutbox(this.clock);

	private final AtomicReference<Optional<DeliveryPause>> pause = new AtomicReference<>(Optional.empty());

	private final AtomicInteger nudges = new AtomicInteger();

	private final DeliveryOperations operations = new DeliveryOperations(this.outbox, this.pause::get,
			this.nudges::incrementAndGet, "node-1", Duration.ofMinutes(15), Duration.ofSeconds(5), this.clock);

	@Test
	void theReportReadsTheOutboxOncePerCacheTime() {
		this.outbox.append(NewOutboxEntry.of("order.completed", "order:1", "{}"));
		assertThat(this.operations.report().outbox().count(DeliveryStatus.PENDING)).isEqualTo(1);

		this.outbox.append(NewOutboxEntry.of("order.completed", "order:2", "{}"));
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.operations.report().outbox().count(DeliveryStatus.PENDING)).as("within the cache time").isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.operations.report().outbox().count(DeliveryStatus.PENDING)).as("after it").isEqualTo(2);
	}

	@Test
	void healthyUntilTheOldestUnfinishedEntryIsOlderThanTheMaximumLag() {
		assertThat(this.operations.report().healthy()).as("empty outbox").isTrue();
		this.outbox.append(NewOutboxEntry.of("order.completed", "order:1", "{}"));
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.operations.report().healthy()).as("exactly the maximum lag").isTrue();

		this.clock.advance(Duration.ofSeconds(6));

		DeliveryReport report = this.operations.report();
		assertThat(report.healthy()).isFalse();
		assertThat(report.problem()).hasValueSatisfying((problem) -> assertThat(problem)
			.contains("waits for PT15M6S", "influence.health.max-delivery-lag (PT15M)"));
	}

	@Test
	void unhealthyWhileInfluenceRefusesTheKeyButNotWhileItFails() {
		this.pause.set(Optional.of(new DeliveryPause(DeliveryPause.Cause.FAILING, "HTTP 503")));
		assertThat(this.operations.report().healthy()).isTrue();
		assertThat(this.operations.report().pause()).isNotNull();

		this.pause.set(Optional.of(new DeliveryPause(DeliveryPause.Cause.REFUSED, "HTTP 401 Invalid API key")));

		assertThat(this.operations.report().problem()).hasValue("delivery is paused: HTTP 401 Invalid API key");
	}

	@Test
	void deadLettersShowEmailsMasked() {
		long id = dead("customer.saved", "customer:jane.doe@example.com",
				"{\"email\":\"jane.doe@example.com\",\"friend\":{\"email\":\"Bob+x@mail.example.org\"}}",
				"HTTP 422: customer jane.doe@example.com is invalid");

		DeadLetter letter = this.operations.deadLetters(0, 20, null).items().get(0);

		assertThat(letter.id()).isEqualTo(id);
		assertThat(letter.payload()).isEqualTo("{\"email\":\"j***@example.com\",\"friend\":{\"email\":\"B***@mail.example.org\"}}");
		assertThat(letter.entityKey()).isEqualTo("customer:j***@example.com");
		assertThat(letter.lastError()).isEqualTo("HTTP 422: customer j***@example.com is invalid");
		assertThat(letter.toString()).doesNotContain("jane.doe", "Bob+x");
	}

	@Test
	void deadWebhooksShowTheirRewardCodesMaskedInThePayloadAndTheError() {
		// Every sample that carries a code, with the codes it carries (referrals/started: the referrer's is null).
		Map<String, List<String>> codes = Map.of("points/redeemed", List.of("INF-7K2M9Q4ZXA"),
				"customers/tier_entry_reward_earned", List.of("TIER-GOLD-9QX2"), "referrals/completed",
				List.of("REFER-8HJ2", "FRIEND-3KD9"), "referrals/started", List.of("FRIEND-3KD9"));
		codes.forEach((topic, values) -> dead(WebhookReceiver.KIND, "webhook:" + topic + ":w-1",
				EntryPayloads.write(new ReceivedWebhook(topic, "w-1", this.clock.instant(), sample(topic))),
				"the shop's RewardCodeIssuer failed: IllegalStateException: code " + values.get(0) + " is taken"));

		List<DeadLetter> letters = this.operations.deadLetters(0, 20, null).items();

		assertThat(letters).hasSize(codes.size());
		for (DeadLetter letter : letters) {
			String topic = letter.entityKey().split(":")[1];
			List<String> values = codes.get(topic);
			assertThat(sample(topic)).as("the sample carries its codes").contains(values);
			assertThat(letter.payload()).doesNotContain(values).doesNotContain("jane@example.com");
			assertThat(letter.lastError()).isEqualTo("the shop's RewardCodeIssuer failed: IllegalStateException: code "
					+ values.get(0).substring(0, 2) + "*** is taken");
			JsonNode body = JSON.readTree(JSON.readTree(letter.payload()).path("body").asString());
			assertThat(body.path("customer").path("email").asString()).isEqualTo("j***@example.com");
			switch (topic) {
				case "points/redeemed" -> assertThat(body.path("couponCode").asString()).isEqualTo("IN***");
				case "customers/tier_entry_reward_earned" ->
					assertThat(body.path("reward").path("couponCode").asString()).isEqualTo("TI***");
				case "referrals/completed" -> {
					assertThat(body.path("customerReward").path("couponCode").asString()).isEqualTo("RE***");
					assertThat(body.path("friendReward").path("couponCode").asString()).isEqualTo("FR***");
				}
				default -> {
					assertThat(body.path("customerReward").path("couponCode").isNull()).isTrue();
					assertThat(body.path("friendReward").path("couponCode").asString()).isEqualTo("FR***");
				}
			}
			assertThat(letter.toString()).doesNotContain(values);
		}
	}

	@Test
	void aShortCodeIsMaskedWholeAndTextThatMerelyContainsACodeIsLeftAlone() {
		dead("order.completed", "order:1", "{\"couponCode\":\"AB12\",\"note\":\"XAB12 AB12\"}", "code AB12 refused");

		DeadLetter letter = this.operations.deadLetters(0, 20, null).items().get(0);

		assertThat(letter.payload()).isEqualTo("{\"couponCode\":\"***\",\"note\":\"XAB12 ***\"}");
		assertThat(letter.lastError()).isEqualTo("code *** refused");
	}

	@Test
	void pagesOfDeadLettersByKindWithAnEmptyPageBeyondTheEnd() {
		for (int i = 0; i < 5; i++) {
			dead("order.completed", "order:" + i, "{}", "HTTP 422");
		}
		dead("product.saved", "product:1", "{}", "HTTP 422");

		DeadLetterPage first = this.operations.deadLetters(0, 2, "order.completed");
		DeadLetterPage last = this.operations.deadLetters(2, 2, "order.completed");
		DeadLetterPage beyond = this.operations.deadLetters(7, 2, "order.completed");

		assertThat(first.items()).extracting(DeadLetter::entityKey).containsExactly("order:0", "order:1");
		assertThat(first.more()).isTrue();
		assertThat(last.items()).extracting(DeadLetter::entityKey).containsExactly("order:4");
		assertThat(last.more()).isFalse();
		assertThat(beyond.items()).isEmpty();
		assertThat(this.operations.deadLetters(0, 20, null).items()).hasSize(6);
		assertThat(this.operations.deadLetters(0, 20, " ").kind()).as("a blank kind is no filter").isNull();
	}

	@Test
	void aHugePageSizeIsReducedAndANegativeOneRefused() {
		assertThat(this.operations.deadLetters(0, 1_000_000, null).size()).isEqualTo(DeliveryOperations.MAX_PAGE_SIZE);
		assertThat(this.operations.deadLetters(Integer.MAX_VALUE, 100, null).items()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.deadLetters(0, -3, null))
			.withMessage("size must be between 1 and 100, was -3");
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.deadLetters(0, 0, null))
			.withMessage("size must be between 1 and 100, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.deadLetters(-1, 20, null))
			.withMessage("page must be 0 or more, was -1");
	}

	@Test
	void requeueSaysWhatItDid() {
		long dead = dead("order.completed", "order:1", "{}", "HTTP 422");
		long pending = this.outbox.append(NewOutboxEntry.of("order.completed", "order:2", "{}"));

		Requeue requeued = this.operations.requeue(dead);
		Requeue notDead = this.operations.requeue(pending);
		Requeue unknown = this.operations.requeue(999);

		assertThat(requeued.result()).isEqualTo(Requeue.Result.REQUEUED);
		assertThat(this.outbox.find(dead)).hasValueSatisfying((entry) -> {
			assertThat(entry.status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(entry.attempts()).isZero();
		});
		assertThat(notDead.result()).isEqualTo(Requeue.Result.NOT_DEAD);
		assertThat(notDead.message()).isEqualTo("entry " + pending + " is PENDING, not a dead letter");
		assertThat(unknown.result()).isEqualTo(Requeue.Result.NOT_FOUND);
		assertThat(unknown.message()).isEqualTo("no entry 999 in the outbox");
		assertThat(this.nudges).as("the dispatcher is woken for the requeued entry only").hasValue(1);
	}

	@Test
	void requeueAllOfOneKindLeavesTheOthers() {
		dead("order.completed", "order:1", "{}", "HTTP 422");
		dead("order.completed", "order:2", "{}", "HTTP 422");
		long product = dead("product.saved", "product:1", "{}", "HTTP 422");

		assertThat(this.operations.requeueAll("order.completed")).isEqualTo(2);

		assertThat(this.outbox.deadLetters(0, 10)).extracting(OutboxEntry::id).containsExactly(product);
		assertThat(this.operations.requeueAll(null)).isEqualTo(1);
		assertThat(this.operations.requeueAll(null)).isZero();
		assertThat(this.nudges).as("woken when something was requeued").hasValue(2);
	}

	private static String sample(String topic) {
		String name = "/webhooks/" + topic.replace('/', '-') + ".json";
		try (InputStream in = DeliveryOperationsTests.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private long dead(String kind, String key, String payload, String error) {
		long id = this.outbox.append(NewOutboxEntry.of(kind, key, payload));
		List<OutboxEntry> claimed = this.outbox.claim("node-1", 100, Duration.ofMinutes(1));
		OutboxEntry entry = claimed.stream().filter((candidate) -> candidate.id() == id).findFirst().orElseThrow();
		this.outbox.markDead(entry, "node-1", error, true);
		this.outbox.releaseAll("node-1");
		return id;
	}

}
