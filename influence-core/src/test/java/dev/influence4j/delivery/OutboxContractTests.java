package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every outbox store guarantees, run against memory, H2 and PostgreSQL, with both claim strategies
 * ({@code SKIP LOCKED} and lease-based conditional updates); {@link MariaDbOutboxContractTests} runs them on
 * MariaDB.
 */
class OutboxContractTests {

	static final Duration LEASE = Duration.ofMinutes(1);

	record Store(String name, Function<MutableClock, Outbox> factory) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> stores() {
		return Stream.of(
				Arguments.of(new Store("memory", InMemoryOutbox::new)),
				Arguments.of(new Store("h2, skip locked", (clock) -> jdbc(TestDatabases.h2(), DatabasePlatform.H2, clock))),
				Arguments.of(new Store("h2, lease", (clock) -> leaseBased(TestDatabases.h2(), DatabasePlatform.H2, clock))),
				Arguments.of(new Store("postgresql, skip locked",
						(clock) -> jdbc(TestDatabases.postgres(), DatabasePlatform.POSTGRESQL, clock))),
				Arguments.of(new Store("postgresql, lease",
						(clock) -> leaseBased(TestDatabases.postgres(), DatabasePlatform.POSTGRESQL, clock))));
	}

	static JdbcOutbox jdbc(DataSource dataSource, DatabasePlatform platform, MutableClock clock) {
		JdbcOutbox outbox = new JdbcOutbox(dataSource, platform, JdbcOutbox.DEFAULT_TABLE_PREFIX, clock);
		outbox.initializeSchema();
		return outbox;
	}

	static JdbcOutbox leaseBased(DataSource dataSource, DatabasePlatform platform, MutableClock clock) {
		jdbc(dataSource, platform, clock);
		return new JdbcOutbox(dataSource, DatabasePlatform.OTHER, JdbcOutbox.DEFAULT_TABLE_PREFIX, clock);
	}

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private static NewOutboxEntry entry(String key, String payload) {
		return NewOutboxEntry.of("test.kind", key, "{\"v\":\"" + payload + "\"}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void keysOfTheLongestAllowedLengthAreStoredWhole(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		String entityKey = "k:" + "e".repeat(NewOutboxEntry.MAX_KEY_LENGTH - 2);
		String dedupKey = "d:" + "i".repeat(NewOutboxEntry.MAX_KEY_LENGTH - 2);

		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("test.kind", entityKey, "{}", dedupKey))).isTrue();

		assertThat(outbox.claim("node-a", 10, LEASE)).singleElement().satisfies((claimed) -> {
			assertThat(claimed.entityKey()).isEqualTo(entityKey);
			assertThat(claimed.dedupKey()).isEqualTo(dedupKey);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void anAppendedEntryIsClaimedByOneNodeOnly(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		long id = outbox.append(entry("order:1", "a"));

		List<OutboxEntry> first = outbox.claim("node-a", 10, LEASE);
		List<OutboxEntry> second = outbox.claim("node-b", 10, LEASE);

		assertThat(first).singleElement().satisfies((claimed) -> {
			assertThat(claimed.id()).isEqualTo(id);
			assertThat(claimed.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
			assertThat(claimed.claimedBy()).isEqualTo("node-a");
			assertThat(claimed.leaseUntil()).isEqualTo(this.clock.instant().plus(LEASE));
			assertThat(claimed.payload()).isEqualTo("{\"v\":\"a\"}");
		});
		assertThat(second).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void claimsOnlyTheOldestUnfinishedEntryOfEachKey(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		long a1 = outbox.append(entry("order:1", "a1"));
		long a2 = outbox.append(entry("order:1", "a2"));
		long b1 = outbox.append(entry("order:2", "b1"));

		assertThat(outbox.claim("node", 10, LEASE)).extracting(OutboxEntry::id).containsExactly(a1, b1);
		assertThat(outbox.claim("node", 10, LEASE)).isEmpty();

		outbox.markDelivered(List.of(outbox.find(a1).orElseThrow()), "node");
		assertThat(outbox.claim("node", 10, LEASE)).extracting(OutboxEntry::id).containsExactly(a2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void anEntryWaitingForItsNextAttemptHoldsBackLaterEntriesOfItsKey(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("order:1", "a1"));
		long a2 = outbox.append(entry("order:1", "a2"));
		OutboxEntry claimed = outbox.claim("node", 10, LEASE).get(0);

		assertThat(outbox.reschedule(claimed, "node", this.clock.instant().plusSeconds(30), "HTTP 503", true)).isTrue();
		assertThat(outbox.claim("node", 10, LEASE)).isEmpty();

		this.clock.advance(Duration.ofSeconds(31));
		List<OutboxEntry> retried = outbox.claim("node", 10, LEASE);
		assertThat(retried).singleElement().satisfies((entry) -> {
			assertThat(entry.id()).isEqualTo(claimed.id());
			assertThat(entry.attempts()).isEqualTo(1);
			assertThat(entry.lastError()).isEqualTo("HTTP 503");
		});
		assertThat(outbox.find(a2)).hasValueSatisfying((entry) -> assertThat(entry.status()).isEqualTo(DeliveryStatus.PENDING));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void anExpiredClaimIsTakenOverAndTheInterruptedAttemptCounts(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("order:1", "a"));
		OutboxEntry crashed = outbox.claim("crashed-node", 10, LEASE).get(0);

		assertThat(outbox.claim("survivor", 10, LEASE)).isEmpty();
		assertThat(outbox.takeOverExpired()).isEmpty();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(outbox.takeOverExpired()).containsExactly(new Outbox.Takeover("crashed-node", List.of(crashed.id())));
		assertThat(outbox.takeOverExpired()).isEmpty();
		List<OutboxEntry> takenOver = outbox.claim("survivor", 10, LEASE);

		assertThat(takenOver).singleElement().satisfies((entry) -> {
			assertThat(entry.claimedBy()).isEqualTo("survivor");
			assertThat(entry.attempts()).isEqualTo(1);
			assertThat(entry.lastError()).contains("claim of node crashed-node expired");
		});
		assertThat(outbox.markDelivered(List.of(crashed), "crashed-node")).isZero();
		assertThat(outbox.markDelivered(takenOver, "survivor")).isOne();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aRenewedClaimIsNotTakenOver(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("order:1", "a"));
		outbox.append(entry("order:2", "b"));
		outbox.claim("alive", 1, LEASE);
		outbox.claim("dead", 1, LEASE);

		this.clock.advance(LEASE.dividedBy(2));
		assertThat(outbox.renewLeases("alive", LEASE)).isOne();
		this.clock.advance(LEASE.dividedBy(2).plusSeconds(1));

		assertThat(outbox.takeOverExpired()).extracting(Outbox.Takeover::node).containsExactly("dead");
		assertThat(outbox.countsByStatus()).containsEntry(DeliveryStatus.IN_FLIGHT, 1L).containsEntry(DeliveryStatus.PENDING, 1L);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void entriesWaitingAfterFailedAttemptsAreBroughtForwardAndWaitersMadeDue(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("order:1", "failed"));
		outbox.append(entry("order:2", "waits for a dependency"));
		outbox.append(entry("order:3", "new"));
		List<OutboxEntry> claimed = outbox.claim("node", 2, LEASE);
		Instant later = this.clock.instant().plus(Duration.ofHours(1));
		outbox.reschedule(claimed.get(0), "node", later, "HTTP 503", true);
		outbox.reschedule(claimed.get(1), "node", later, null, false);

		assertThat(outbox.claim("node", 10, LEASE)).extracting(OutboxEntry::entityKey).containsExactly("order:3");
		assertThat(outbox.bringForward()).isOne();
		assertThat(outbox.dueNow(List.of(claimed.get(1).id()))).isOne();
		assertThat(outbox.claim("node", 10, LEASE)).extracting(OutboxEntry::entityKey)
			.containsExactlyInAnyOrder("order:1", "order:2");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aDeadLetterDoesNotHoldBackItsKeyAndCanBeRequeued(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		long a1 = outbox.append(entry("order:1", "a1"));
		long a2 = outbox.append(entry("order:1", "a2"));
		outbox.markDead(outbox.claim("node", 10, LEASE).get(0), "node", "HTTP 422: invalid email", true);

		assertThat(outbox.claim("node", 10, LEASE)).extracting(OutboxEntry::id).containsExactly(a2);
		assertThat(outbox.deadLetters(0, 10)).singleElement().satisfies((dead) -> {
			assertThat(dead.id()).isEqualTo(a1);
			assertThat(dead.attempts()).isEqualTo(1);
			assertThat(dead.lastError()).isEqualTo("HTTP 422: invalid email");
		});

		assertThat(outbox.requeue(a1)).isTrue();
		assertThat(outbox.requeue(a1)).isFalse();
		assertThat(outbox.find(a1)).hasValueSatisfying((entry) -> {
			assertThat(entry.status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(entry.attempts()).isZero();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void requeuesEveryDeadLetter(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		for (int i = 0; i < 3; i++) {
			outbox.append(entry("order:" + i, "x"));
		}
		outbox.claim("node", 10, LEASE).forEach((entry) -> outbox.markDead(entry, "node", "rejected", true));

		assertThat(outbox.countsByStatus()).containsEntry(DeliveryStatus.DEAD, 3L);
		assertThat(outbox.deadLetters(1, 1)).hasSize(1);
		assertThat(outbox.requeueAllDead()).isEqualTo(3);
		assertThat(outbox.countsByStatus()).containsEntry(DeliveryStatus.DEAD, 0L).containsEntry(DeliveryStatus.PENDING, 3L);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void summarisesCountsAndTheOldestUnfinishedEntryAndFiltersDeadLettersByKind(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		assertThat(outbox.summary().oldestUnfinished()).as("empty").isNull();
		long first = outbox.append(new NewOutboxEntry("product.saved", "product:1", "{}", null));
		this.clock.advance(Duration.ofSeconds(30));
		outbox.append(new NewOutboxEntry("order.completed", "order:1", "{}", null));
		outbox.append(new NewOutboxEntry("order.completed", "order:2", "{}", null));
		outbox.claim("node", 10, LEASE).stream()
			.filter((entry) -> entry.kind().equals("order.completed"))
			.forEach((entry) -> outbox.markDead(entry, "node", "rejected", true));
		this.clock.advance(Duration.ofSeconds(10));

		OutboxSummary summary = outbox.summary();

		assertThat(summary.count(DeliveryStatus.IN_FLIGHT)).isEqualTo(1);
		assertThat(summary.count(DeliveryStatus.DEAD)).isEqualTo(2);
		assertThat(summary.count(DeliveryStatus.DELIVERED)).isZero();
		assertThat(summary.oldestUnfinished()).isEqualTo(outbox.find(first).orElseThrow().createdAt());
		assertThat(summary.oldestUnfinishedAge()).hasValue(Duration.ofSeconds(40));
		assertThat(outbox.deadLetters("order.completed", 0, 10)).hasSize(2);
		assertThat(outbox.deadLetters("product.saved", 0, 10)).isEmpty();
		assertThat(outbox.requeueAllDead("product.saved")).isZero();
		assertThat(outbox.requeueAllDead("order.completed")).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void appendIfAbsentRecognisesARepeatedDedupKey(Store store) {
		Outbox outbox = store.factory().apply(this.clock);

		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:1", "{}", "points/redeemed:1"))).isTrue();
		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:1", "{}", "points/redeemed:1"))).isFalse();
		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:2", "{}", "points/earned:1"))).isTrue();
		assertThat(outbox.countsByStatus()).containsEntry(DeliveryStatus.PENDING, 2L);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void purgesOldFinishedEntriesButRemembersWebhookIdsLonger(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("order:1", "delivered"));
		outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:1", "{}", "topic:1"));
		outbox.append(entry("order:3", "dead"));
		outbox.append(entry("order:4", "pending"));
		List<OutboxEntry> claimed = outbox.claim("node", 3, LEASE);
		outbox.markDelivered(List.of(claimed.get(0), claimed.get(1)), "node");
		outbox.markDead(claimed.get(2), "node", "rejected", true);
		this.clock.advance(Duration.ofDays(8));

		int purged = outbox.purge(this.clock.instant().minus(Duration.ofDays(7)), this.clock.instant().minus(Duration.ofDays(30)));

		assertThat(purged).isEqualTo(1);
		assertThat(outbox.countsByStatus()).containsEntry(DeliveryStatus.DELIVERED, 1L)
			.containsEntry(DeliveryStatus.DEAD, 1L)
			.containsEntry(DeliveryStatus.PENDING, 1L);
		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:1", "{}", "topic:1"))).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void reportsTheOldestUnfinishedEntry(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		assertThat(outbox.oldestUnfinishedCreatedAt()).isEmpty();
		Instant first = this.clock.instant();
		outbox.append(entry("order:1", "a"));
		this.clock.advance(Duration.ofMinutes(5));
		outbox.append(entry("order:2", "b"));

		assertThat(outbox.oldestUnfinishedCreatedAt()).contains(first);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void knowsWhetherDependenciesAreUnfinishedAndWhetherANewerStateWasDelivered(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("product:p-1", "v1"));
		long order = outbox.append(entry("order:1", "o"));
		long newer = outbox.append(entry("product:p-1", "v2"));

		assertThat(outbox.oldestUnfinished(List.of("product:p-1", "customer:42", "order:1")))
			.containsExactlyInAnyOrderEntriesOf(Map.of("product:p-1", order - 1, "order:1", order));
		assertThat(outbox.oldestUnfinished(List.of("customer:42"))).isEmpty();
		assertThat(outbox.oldestUnfinished(List.of())).isEmpty();

		OutboxEntry productV1 = outbox.claim("node", 10, LEASE).get(0);
		outbox.markDead(productV1, "node", "rejected", true);
		assertThat(outbox.oldestUnfinished(List.of("product:p-1"))).containsExactly(Map.entry("product:p-1", newer));
		assertThat(outbox.hasNewerDelivered(productV1)).isFalse();

		OutboxEntry productV2 = outbox.claim("node", 10, LEASE).stream().filter((e) -> e.id() == newer).findFirst().orElseThrow();
		outbox.markDelivered(List.of(productV2), "node");
		assertThat(outbox.hasNewerDelivered(productV1)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void releasesEveryClaimOfANode(Store store) {
		Outbox outbox = store.factory().apply(this.clock);
		outbox.append(entry("order:1", "a"));
		outbox.append(entry("order:2", "b"));
		outbox.claim("leaving", 10, LEASE);

		assertThat(outbox.releaseAll("leaving")).isEqualTo(2);
		assertThat(outbox.claim("other", 10, LEASE)).hasSize(2).allSatisfy((entry) -> assertThat(entry.attempts()).isZero());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void keysThatDifferOnlyInCaseAreDifferentKeys(Store store) {
		Outbox outbox = store.factory().apply(this.clock);

		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:1", "{}", "points/redeemed:aBc1"))).isTrue();
		assertThat(outbox.appendIfAbsent(new NewOutboxEntry("webhook", "webhook:2", "{}", "points/redeemed:AbC1"))).isTrue();

		long lower = outbox.append(entry("product:sku-a", "lower"));
		long upper = outbox.append(entry("product:SKU-A", "upper"));
		List<OutboxEntry> claimed = outbox.claim("node", 10, LEASE);
		assertThat(claimed).extracting(OutboxEntry::id).contains(lower, upper);
		assertThat(outbox.oldestUnfinished(List.of("product:SKU-A"))).containsExactly(Map.entry("product:SKU-A", upper));
		outbox.markDelivered(claimed.stream().filter((entry) -> entry.id() == upper).toList(), "node");
		assertThat(outbox.hasNewerDelivered(outbox.find(lower).orElseThrow())).isFalse();
	}

}
