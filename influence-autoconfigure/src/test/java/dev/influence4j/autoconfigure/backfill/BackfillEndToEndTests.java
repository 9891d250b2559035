package dev.influence4j.autoconfigure.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillRequest;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.backfill.BackfillState;
import dev.influence4j.backfill.BackfillStatus;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.InfluenceSandboxExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop with 10,000 customers in its own table imports them into the Influence.io sandbox with the starter:
 * the application is stopped midway and started again, and the import resumes from its cursor (each customer
 * written to the outbox once, none missing, all delivered); a live order placed during an import into a slow
 * Influence.io reaches it within seconds, ahead of thousands of backfill entries written before it.
 */
class BackfillEndToEndTests {

	@RegisterExtension
	static final InfluenceSandboxExtension influence = new InfluenceSandboxExtension(InfluenceSandbox.builder());

	private static final int CUSTOMERS = 10_000;

	private DataSource database;

	private ApplicationContextRunner runner;

	@BeforeEach
	void shop() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:backfill-e2e-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.database = h2;
		JdbcClient jdbc = JdbcClient.create(h2);
		jdbc.sql("CREATE TABLE shop_customer (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL)").update();
		jdbc.sql("INSERT INTO shop_customer SELECT x, 'customer-' || x || '@example.com' FROM SYSTEM_RANGE(1, "
				+ CUSTOMERS + ")").update();
		InfluenceSandbox sandbox = influence.sandbox();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class,
					InfluenceDeliveryAutoConfiguration.class, InfluenceBackfillAutoConfiguration.class))
			.withBean(DataSource.class, () -> h2)
			.withBean(ShopCustomers.class, () -> new ShopCustomers(JdbcClient.create(h2)))
			.withPropertyValues("influence.api-key=" + sandbox.apiKey(), "influence.shop-key=" + sandbox.shopKey(),
					"influence.platform.base-url=" + sandbox.platformBaseUrl(),
					"influence.launcher.base-url=" + sandbox.launcherBaseUrl(), "influence.delivery.poll-interval=200ms",
					"influence.delivery.concurrency=8", "influence.backfill.page-size=100",
					"influence.backfill.max-pending=500");
	}

	@Test
	void tenThousandCustomersArriveOnceAcrossARestart() {
		InfluenceSandbox sandbox = influence.sandbox();
		this.runner.run((first) -> {
			Backfill backfill = first.getBean(Backfill.class);
			assertThat(backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS)).started()).isTrue();
			await().atMost(Duration.ofMinutes(2)).until(() -> read(backfill) >= 2_000);
		});
		assertThat(sandbox.customers().size()).as("the first run delivered part").isBetween(1, CUSTOMERS - 1);

		this.runner.run((second) -> {
			Backfill backfill = second.getBean(Backfill.class);
			BackfillStatus resumed = backfill.status(BackfillKind.CUSTOMERS).orElseThrow();
			assertThat(resumed.state()).isEqualTo(BackfillState.RUNNING);
			assertThat(resumed.read()).as("resumes from the cursor").isGreaterThanOrEqualTo(2_000).isLessThan(CUSTOMERS);

			await().atMost(Duration.ofMinutes(3)).until(() -> sandbox.customers().size() == CUSTOMERS);
			await().until(() -> backfill.status(BackfillKind.CUSTOMERS).orElseThrow().state() == BackfillState.DONE);
			await().untilAsserted(() -> assertThat(backfill.status(BackfillKind.CUSTOMERS).orElseThrow().delivered())
				.isEqualTo(CUSTOMERS));
		});

		List<Map<String, Object>> repeated = JdbcClient.create(this.database)
			.sql("SELECT entity_key, COUNT(*) AS n FROM influence_outbox WHERE kind = 'customer.saved' GROUP BY entity_key "
					+ "HAVING COUNT(*) > 1")
			.query()
			.listOfRows();
		assertThat(repeated).as("each customer written to the outbox once").isEmpty();
		Long written = JdbcClient.create(this.database)
			.sql("SELECT COUNT(*) FROM influence_outbox WHERE kind = 'customer.saved'")
			.query(Long.class)
			.single();
		assertThat(written).isEqualTo(CUSTOMERS);
		assertThat(sandbox.customer("10000")).hasValueSatisfying((customer) ->
				assertThat(customer.email()).isEqualTo("customer-10000@example.com"));
	}

	@Test
	void aLiveOrderPlacedDuringAnImportGoesAheadOfTheBackfillEntriesWrittenBeforeIt() {
		InfluenceSandbox sandbox = influence.sandbox();
		// Influence.io knows the order's customer, who has no entry in the outbox: the order waits for nothing but
		// its turn.
		sandbox.addCustomer("live-customer", "live-customer@example.com", 0);
		// A slow Influence.io: two workers at 50 ms a customer clear 2,000 backfill entries in 50 s.
		sandbox.faults().on("PUT", "/v1/customers/").delayNext(CUSTOMERS, Duration.ofMillis(50));
		JdbcClient outbox = JdbcClient.create(this.database);
		this.runner.withPropertyValues("influence.backfill.max-pending=3000", "influence.delivery.concurrency=2")
			.run((context) -> {
				Backfill backfill = context.getBean(Backfill.class);
				assertThat(backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS)).started()).isTrue();
				await().atMost(Duration.ofMinutes(1))
					.until(() -> unfinishedBackfill(outbox, Long.MAX_VALUE) >= 2_000 && !sandbox.customers().isEmpty());

				context.getBean(OutboxWriter.class).write(OrderCompletedEvent.of(InfluenceOrder.builder("live-1")
					.customerId("live-customer")
					.email("live-customer@example.com")
					.financialStatus(FinancialStatus.PAID)
					.totalPrice("25.00")
					.currency("EUR")
					.createdAt(Instant.now())
					.build()));
				long order = outbox.sql("SELECT id FROM influence_outbox WHERE entity_key = 'order:live-1'")
					.query(Long.class)
					.single();

				await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.order("live-1").isPresent());
				assertThat(unfinishedBackfill(outbox, order))
					.as("backfill entries written before the order and not yet delivered when it arrived")
					.isGreaterThanOrEqualTo(1_000);
				assertThat(backfill.status(BackfillKind.CUSTOMERS).orElseThrow().state())
					.as("the live order arrived before the import ended").isEqualTo(BackfillState.RUNNING);
			});
	}

	/** Backfill entries pending or in flight, of those before an entry. */
	private static long unfinishedBackfill(JdbcClient outbox, long before) {
		return outbox.sql("SELECT COUNT(*) FROM influence_outbox WHERE priority = 1 AND status IN ('PENDING', "
				+ "'IN_FLIGHT') AND id < :before")
			.param("before", before)
			.query(Long.class)
			.single();
	}

	private static long read(Backfill backfill) {
		return backfill.status(BackfillKind.CUSTOMERS).map(BackfillStatus::read).orElse(0L);
	}

	/** The shop's customer table, read in keyset pages by id, as a shop writes its source. */
	static final class ShopCustomers implements BackfillSource<ShopCustomers.Row, InfluenceCustomer> {

		private final JdbcClient jdbc;

		ShopCustomers(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public BackfillKind<InfluenceCustomer> kind() {
			return BackfillKind.CUSTOMERS;
		}

		@Override
		public BackfillPage<Row> page(@Nullable String after, int size) {
			List<Row> rows = new ArrayList<>(this.jdbc
				.sql("SELECT id, email FROM shop_customer WHERE id > :after ORDER BY id LIMIT :size")
				.param("after", (after != null) ? Long.parseLong(after) : 0L)
				.param("size", size)
				.query(Row.class)
				.list());
			String next = (rows.size() < size) ? null : Long.toString(rows.get(rows.size() - 1).id());
			return new BackfillPage<>(rows, next);
		}

		@Override
		public String id(Row row) {
			return Long.toString(row.id());
		}

		@Override
		public InfluenceCustomer map(Row row) {
			return InfluenceCustomer.of(id(row), row.email());
		}

		@Override
		public OptionalLong count() {
			Long count = this.jdbc.sql("SELECT COUNT(*) FROM shop_customer").query(Long.class).single();
			return OptionalLong.of(count);
		}

		record Row(long id, String email) {
		}

	}

}
