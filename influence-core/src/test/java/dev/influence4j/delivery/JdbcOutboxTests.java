package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What only the JDBC outbox does: join the caller's transaction, create its schema, recognise databases.
 */
class JdbcOutboxTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	@Test
	void anAppendJoinsTheCallersTransactionSoARollbackLeavesNoEntry() {
		DataSource dataSource = TestDatabases.h2();
		JdbcOutbox outbox = OutboxContractTests.jdbc(dataSource, DatabasePlatform.H2, this.clock);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

		transaction.executeWithoutResult((status) -> {
			outbox.append(NewOutboxEntry.of("test", "order:1", "{}"));
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult((status) -> outbox.append(NewOutboxEntry.of("test", "order:2", "{}")));

		assertThat(outbox.claim("node", 10, Duration.ofMinutes(1))).extracting(OutboxEntry::entityKey)
			.containsExactly("order:2");
	}

	@Test
	void createsItsSchemaOnceWithTheConfiguredPrefix() {
		DataSource dataSource = TestDatabases.postgres();
		JdbcOutbox outbox = new JdbcOutbox(dataSource, DatabasePlatform.POSTGRESQL, "shop_", this.clock);

		outbox.initializeSchema();
		outbox.initializeSchema();
		outbox.append(NewOutboxEntry.of("test", "order:1", "{}"));

		assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM shop_outbox").query(Long.class).single()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void nodesStartingAtOnceOnAnEmptyDatabaseAllCreateTheSchemaWithoutFailing(String database) throws Exception {
		nodesStartAtOnce(database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres());
	}

	@Test
	@Tag("mariadb")
	void nodesStartingAtOnceOnAnEmptyMariaDbDatabaseAllCreateTheSchemaWithoutFailing() throws Exception {
		nodesStartAtOnce(TestDatabases.mariadb());
	}

	private void nodesStartAtOnce(DataSource dataSource) throws Exception {
		DatabasePlatform platform = DatabasePlatform.of(dataSource);
		int nodes = 8;
		CyclicBarrier start = new CyclicBarrier(nodes);
		ExecutorService executor = Executors.newFixedThreadPool(nodes);
		try {
			List<Future<?>> starts = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				starts.add(executor.submit(() -> {
					JdbcOutbox outbox = new JdbcOutbox(dataSource, platform, JdbcOutbox.DEFAULT_TABLE_PREFIX, this.clock);
					start.await();
					outbox.initializeSchema();
					return outbox.append(NewOutboxEntry.of("test", "order:" + Thread.currentThread().getId(), "{}"));
				}));
			}
			for (Future<?> node : starts) {
				node.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM influence_outbox").query(Long.class).single())
			.isEqualTo(nodes);
	}

	@Test
	void recognisesTheDatabase() {
		assertThat(DatabasePlatform.of(TestDatabases.h2())).isEqualTo(DatabasePlatform.H2);
		assertThat(DatabasePlatform.of(TestDatabases.postgres())).isEqualTo(DatabasePlatform.POSTGRESQL);
		assertThat(DatabasePlatform.fromProductName("MySQL")).isEqualTo(DatabasePlatform.MYSQL);
		assertThat(DatabasePlatform.fromProductName("MariaDB")).isEqualTo(DatabasePlatform.MARIADB);
		assertThat(DatabasePlatform.fromProductName("Microsoft SQL Server")).isEqualTo(DatabasePlatform.OTHER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void aClaimSkipsAnEntryLockedByAnotherTransactionInsteadOfWaiting(String database) throws Exception {
		claimSkipsLockedEntry(database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres());
	}

	@Test
	@Tag("mariadb")
	void aClaimOnMariaDbSkipsAnEntryLockedByAnotherTransactionInsteadOfWaiting() throws Exception {
		claimSkipsLockedEntry(TestDatabases.mariadb());
	}

	private void claimSkipsLockedEntry(DataSource dataSource) throws Exception {
		JdbcOutbox outbox = OutboxContractTests.jdbc(dataSource, DatabasePlatform.of(dataSource), this.clock);
		long locked = outbox.append(NewOutboxEntry.of("test", "order:1", "{}"));
		long free = outbox.append(NewOutboxEntry.of("test", "order:2", "{}"));
		TransactionTemplate otherTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			executor.submit(() -> otherTransaction.executeWithoutResult((status) -> {
				JdbcClient.create(dataSource).sql("SELECT id FROM influence_outbox WHERE id = :id FOR UPDATE")
					.param("id", locked)
					.query(Long.class)
					.single();
				holding.countDown();
				awaitQuietly(release);
			}));
			assertThat(holding.await(1, TimeUnit.MINUTES)).as("the other transaction locked the first entry").isTrue();

			// Waiting for the lock would end only when the other transaction does, which is after this timeout.
			Future<List<OutboxEntry>> claim = executor.submit(() -> outbox.claim("node", 10, Duration.ofMinutes(1)));
			assertThat(claim.get(10, TimeUnit.SECONDS)).extracting(OutboxEntry::id).containsExactly(free);
		}
		finally {
			release.countDown();
			executor.shutdown();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	@Tag("mariadb")
	void recognisesMariaDb() {
		assertThat(DatabasePlatform.of(TestDatabases.mariadb())).isEqualTo(DatabasePlatform.MARIADB);
	}

	@Test
	void refusesAMySqlOrMariaDbTooOldToSkipLockedRows() {
		assertThat(DatabasePlatform.fromProduct("MariaDB", "10.6.18-MariaDB")).isEqualTo(DatabasePlatform.MARIADB);
		assertThat(DatabasePlatform.fromProduct("MariaDB", "11.4.2-MariaDB")).isEqualTo(DatabasePlatform.MARIADB);
		assertThat(DatabasePlatform.fromProduct("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1")).isEqualTo(DatabasePlatform.MARIADB);
		assertThat(DatabasePlatform.fromProduct("MySQL", "8.0.36")).isEqualTo(DatabasePlatform.MYSQL);

		assertThatIllegalStateException().isThrownBy(() -> DatabasePlatform.fromProduct("MariaDB", "10.5.23-MariaDB-0+deb11u1"))
			.withMessageContaining("MariaDB 10.6 or later");
		assertThatIllegalStateException().isThrownBy(() -> DatabasePlatform.fromProduct("MySQL", "5.5.5-10.3.39-MariaDB"))
			.withMessageContaining("MariaDB 10.6 or later");
		assertThatIllegalStateException().isThrownBy(() -> DatabasePlatform.fromProduct("MySQL", "5.7.44"))
			.withMessageContaining("MySQL 8.0 or later");
	}

	@Test
	void refusesToCreateASchemaItDoesNotShip() {
		JdbcOutbox outbox = new JdbcOutbox(TestDatabases.h2(), DatabasePlatform.OTHER, "influence_", this.clock);

		assertThatIllegalStateException().isThrownBy(outbox::initializeSchema).withMessageContaining("create table influence_outbox");
	}

	@Test
	void rejectsATablePrefixThatIsNotAnIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcOutbox(TestDatabases.h2(), DatabasePlatform.H2, "x; DROP TABLE y; --", this.clock))
			.withMessageContaining("table prefix");
	}

}
