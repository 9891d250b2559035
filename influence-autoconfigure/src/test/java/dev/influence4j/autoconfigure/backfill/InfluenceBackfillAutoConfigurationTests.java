package dev.influence4j.autoconfigure.backfill;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillRequest;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.platform.InfluenceCustomer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill's table when the application creates the schema itself ({@code initialize-schema=never}): startup
 * fails naming the table and its schema file when it is missing, or names the column to add to a table of an
 * earlier snapshot; with {@code always}, such a table gets the column.
 */
class InfluenceBackfillAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class, InfluenceDeliveryAutoConfiguration.class,
				InfluenceBackfillAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				TransactionAutoConfiguration.class))
		.withBean(NoCustomers.class, NoCustomers::new)
		.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.platform.base-url=http://127.0.0.1:9");

	@Test
	void startupFailsNamingTheBackfillTableAndItsSchemaFileWhenTheApplicationDidNotCreateIt() {
		DataSource database = databaseWithTheSchema();
		JdbcClient.create(database).sql("DROP TABLE influence_backfill").update();

		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("influence.delivery.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("influence4j's backfill table influence_backfill does not exist")
				.hasStackTraceContaining("dev/influence4j/delivery/schema-h2.sql")
				.hasStackTraceContaining("influence.delivery.jdbc.initialize-schema=always"));
	}

	@Test
	void startsWhenTheApplicationCreatedTheTablesItself() {
		DataSource database = databaseWithTheSchema();

		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("influence.delivery.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Backfill.class);
				assertThat(context.getBean(Backfill.class).start(BackfillRequest.of(BackfillKind.CUSTOMERS)).started())
					.isTrue();
			});
	}

	@Test
	void aBackfillTableFromAnEarlierSnapshotGetsItsNewColumnOrStartupSaysHowToAddIt() {
		DataSource never = databaseWithTheSchema();
		JdbcClient.create(never).sql("ALTER TABLE influence_backfill DROP COLUMN waited_millis").update();
		this.runner.withBean(DataSource.class, () -> never)
			.withPropertyValues("influence.delivery.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("has no waited_millis column")
				.hasStackTraceContaining(
						"ALTER TABLE influence_backfill ADD COLUMN waited_millis BIGINT DEFAULT 0 NOT NULL"));

		DataSource always = databaseWithTheSchema();
		JdbcClient.create(always).sql("ALTER TABLE influence_backfill DROP COLUMN waited_millis").update();
		this.runner.withBean(DataSource.class, () -> always)
			.withPropertyValues("influence.delivery.jdbc.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Backfill backfill = context.getBean(Backfill.class);
				assertThat(backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS)).started()).isTrue();
				assertThat(backfill.status(BackfillKind.CUSTOMERS)).isPresent();
			});
	}

	/** An H2 database holding the tables of influence4j's schema file, as a migration creates them. */
	private static DataSource databaseWithTheSchema() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:backfill-schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		new ResourceDatabasePopulator(new ClassPathResource("dev/influence4j/delivery/schema-h2.sql")).execute(h2);
		return h2;
	}

	/** A source, so that the backfill is on. */
	static final class NoCustomers implements BackfillSource<String, InfluenceCustomer> {

		@Override
		public BackfillKind<InfluenceCustomer> kind() {
			return BackfillKind.CUSTOMERS;
		}

		@Override
		public BackfillPage<String> page(@Nullable String after, int size) {
			return BackfillPage.last(List.of());
		}

		@Override
		public String id(String row) {
			return row;
		}

		@Override
		public InfluenceCustomer map(String row) {
			return InfluenceCustomer.of(row, row + "@example.com");
		}

	}

}
