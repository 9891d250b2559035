package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

	@Test
	@Tag("mariadb")
	void recognisesMariaDb() {
		assertThat(DatabasePlatform.of(TestDatabases.mariadb())).isEqualTo(DatabasePlatform.MARIADB);
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
