package dev.influence4j.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.observation.ObservationRegistry;

import dev.influence4j.http.RetrySettings;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

/**
 * An outbox on a real database, a Platform client pointed at a sink, and dispatchers with settings fast
 * enough for tests. Close it to stop every dispatcher it started.
 */
final class DeliveryFixture implements AutoCloseable {

	final DataSource dataSource;

	final JdbcOutbox outbox;

	final PlatformClient client;

	final List<String> retries = new CopyOnWriteArrayList<>();

	final List<String> deadLetters = new CopyOnWriteArrayList<>();

	final AtomicInteger delivered = new AtomicInteger();

	private final List<OutboxDispatcher> dispatchers = new ArrayList<>();

	DeliveryFixture(DataSource dataSource, DatabasePlatform platform, String sinkUrl) {
		this.dataSource = dataSource;
		this.outbox = new JdbcOutbox(dataSource, platform, JdbcOutbox.DEFAULT_TABLE_PREFIX, Clock.systemUTC());
		// A node on the lease-based path (OTHER) uses the schema that a node knowing the database created.
		if (platform.schemaResource() != null) {
			this.outbox.initializeSchema();
		}
		this.client = PlatformClient.builder()
			.apiKey("test-key")
			.baseUrl(sinkUrl)
			.readTimeout(Duration.ofSeconds(5))
			.retry(RetrySettings.none())
			.build();
	}

	static DeliverySettings fastSettings(String node) {
		return DeliverySettings.defaults(node)
			.withPollInterval(Duration.ofMillis(50))
			.withRetry(DeliverySettings.exponentialRetry(6, Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.2))
			.withAuthPause(Duration.ofMillis(300))
			.withDependencyWait(Duration.ofMillis(50))
			.withLease(Duration.ofSeconds(10))
			.withShutdownTimeout(Duration.ofSeconds(2))
			.withCircuitBreaker(CircuitBreakerConfig.from(DeliverySettings.defaultCircuitBreaker())
				.waitDurationInOpenState(Duration.ofMillis(100))
				.build());
	}

	/**
	 * Fast settings whose circuit breaker never opens within a test, for tests of the retry schedule of one
	 * entry: with the breaker on, an entry that fails while nothing else succeeds is an outage, and the trials
	 * during an outage do not count as attempts.
	 * @param node the node id
	 * @return the settings
	 */
	static DeliverySettings fastSettingsWithoutCircuitBreaker(String node) {
		return fastSettings(node).withCircuitBreaker(CircuitBreakerConfig.from(DeliverySettings.defaultCircuitBreaker())
			.slidingWindowSize(10_000)
			.minimumNumberOfCalls(10_000)
			.build());
	}

	OutboxWriter writer() {
		return new OutboxWriter(this.outbox, () -> this.dispatchers.forEach(OutboxDispatcher::nudge),
				SyncKinds.storefront(this.client));
	}

	OutboxDispatcher start(DeliverySettings settings) {
		return start(settings, SyncKinds.all(this.client));
	}

	OutboxDispatcher start(DeliverySettings settings, List<EntryKind<?>> kinds) {
		return start(settings, kinds, ObservationRegistry.NOOP);
	}

	OutboxDispatcher start(DeliverySettings settings, List<EntryKind<?>> kinds, ObservationRegistry observations) {
		OutboxDispatcher dispatcher = new OutboxDispatcher(this.outbox, kinds, settings, new DeliveryListener() {

			@Override
			public void delivered(OutboxEntry entry, Duration took) {
				DeliveryFixture.this.delivered.incrementAndGet();
			}

			@Override
			public void retrying(OutboxEntry entry, String reason) {
				DeliveryFixture.this.retries.add(entry.entityKey() + ": " + reason);
			}

			@Override
			public void dead(OutboxEntry entry, String reason) {
				DeliveryFixture.this.deadLetters.add(entry.entityKey() + ": " + reason);
			}

		}, Clock.systemUTC(), observations, null);
		this.dispatchers.add(dispatcher);
		dispatcher.start();
		return dispatcher;
	}

	/**
	 * An entry kind for a test: its name, payload type and key, and what an attempt answers.
	 */
	static <P> EntryKind<P> kind(String name, Class<P> payloadType, Function<P, String> entityKey,
			Function<P, DeliveryOutcome> deliver) {
		return new EntryKind<>() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Class<P> payloadType() {
				return payloadType;
			}

			@Override
			public String entityKey(P payload) {
				return entityKey.apply(payload);
			}

			@Override
			public DeliveryOutcome deliver(P payload, DeliveryAttempt attempt) {
				return deliver.apply(payload);
			}

		};
	}

	long count(DeliveryStatus status) {
		return this.outbox.countsByStatus().get(status);
	}

	static InfluenceOrder order(String orderId, FinancialStatus status, String... productIds) {
		InfluenceOrder.Builder builder = InfluenceOrder.builder(orderId)
			.customerId("42")
			.email("jane@example.com")
			.financialStatus(status)
			.totalPrice(new BigDecimal("10.00"))
			.currency("EUR")
			.createdAt(Instant.parse("2026-11-25T10:00:00Z"));
		for (String productId : productIds) {
			builder.lineItem(InfluenceOrderLine.of(productId, "Product " + productId, 1, "10.00"));
		}
		return builder.build();
	}

	@Override
	public void close() {
		this.dispatchers.forEach(OutboxDispatcher::close);
	}

}
