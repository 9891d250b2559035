package dev.influence4j.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.influence4j.delivery.DatabasePlatform;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

/**
 * What influence4j adds to a checkout: writing an {@link OrderCompletedEvent} to the outbox inside the
 * shop's transaction (one insert), compared with the same transaction without it. H2 in memory, so the
 * figures are the library's own overhead, not a network round trip to a database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutboxAppendBenchmark {

	private final AtomicLong orderIds = new AtomicLong();

	private TransactionTemplate transaction;

	private OutboxWriter writer;

	@Setup
	public void setUp() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		JdbcOutbox outbox = new JdbcOutbox(dataSource, DatabasePlatform.H2, JdbcOutbox.DEFAULT_TABLE_PREFIX,
				Clock.systemUTC());
		outbox.initializeSchema();
		// The kinds' client is never called: the benchmark only writes.
		this.writer = new OutboxWriter(outbox, () -> { },
				SyncKinds.storefront(PlatformClient.builder().apiKey("benchmark").baseUrl("http://127.0.0.1:9").build()));
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Benchmark
	public void emptyTransaction() {
		this.transaction.executeWithoutResult((status) -> order());
	}

	@Benchmark
	public void transactionWithOrderCompletedEvent() {
		this.transaction.executeWithoutResult((status) -> this.writer.write(OrderCompletedEvent.of(order())));
	}

	private InfluenceOrder order() {
		return InfluenceOrder.builder(Long.toString(this.orderIds.incrementAndGet()))
			.customerId("42")
			.email("jane@example.com")
			.financialStatus(FinancialStatus.PAID)
			.totalPrice("49.90")
			.currency("EUR")
			.createdAt(Instant.now())
			.lineItem(InfluenceOrderLine.of("p-1", "Blue mug", 2, "19.95"))
			.lineItem(InfluenceOrderLine.of("p-2", "Sticker", 1, "10.00"))
			.build();
	}

}
