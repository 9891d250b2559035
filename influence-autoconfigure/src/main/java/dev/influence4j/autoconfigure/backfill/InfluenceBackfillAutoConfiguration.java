package dev.influence4j.autoconfigure.backfill;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.influence4j.autoconfigure.InfluenceBackfillProperties;
import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillSettings;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.delivery.DatabasePlatform;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.delivery.OutboxWriter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of imports of
 * existing data: a {@link Backfill} over the application's {@link BackfillSource} beans, in the outbox's database,
 * running on every node (one runs a given import at a time). Nothing is imported until it is started (Java API,
 * the {@code influence} endpoint, or a page of the shop's own). Startup fails when the backfill table is missing.
 */
@AutoConfiguration(after = InfluenceDeliveryAutoConfiguration.class)
@ConditionalOnBean({ BackfillSource.class, OutboxDispatcher.class, DataSource.class })
public final class InfluenceBackfillAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Backfill influenceBackfill(Outbox outbox, OutboxWriter writer, OutboxDispatcher dispatcher,
			ObjectProvider<DataSource> dataSources, ObjectProvider<BackfillSource<?, ?>> sources,
			InfluenceProperties properties) {
		if (!(outbox instanceof JdbcOutbox jdbcOutbox)) {
			throw new IllegalStateException("the application defines BackfillSource beans, but influence4j's outbox is "
					+ "kept in memory (influence.delivery.store=memory), and an import must survive restarts: keep the "
					+ "outbox in the DataSource (influence.delivery.store=auto or jdbc), or remove the sources");
		}
		DataSource dataSource = dataSources.getObject();
		String tablePrefix = properties.getDelivery().getJdbc().getTablePrefix();
		requireTable(dataSource, tablePrefix + "backfill", jdbcOutbox.platform());
		InfluenceBackfillProperties backfill = properties.getBackfill();
		BackfillSettings settings = BackfillSettings.defaults(dispatcher.nodeId())
			.withPageSize(backfill.getPageSize())
			.withMaxPending(backfill.getMaxPending())
			.withLease(backfill.getLease());
		return new Backfill(dataSource, tablePrefix, outbox, writer, dispatcher::nudge,
				sources.orderedStream().toList(), settings, Clock.systemUTC());
	}

	/**
	 * Fail at startup, not in a loop of warnings, when the outbox's schema initialization did not create the
	 * backfill table (the outbox bean, created first, has already created it if it was to).
	 */
	private static void requireTable(DataSource dataSource, String table, DatabasePlatform platform) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try {
			// The prefix was validated by JdbcOutbox: letters, digits and underscores only.
			jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").query().singleValue();
		}
		catch (DataAccessException ex) {
			String schema = (platform.schemaResource() != null) ? "dev/influence4j/delivery/" + platform.schemaResource()
					: "dev/influence4j/delivery/schema-postgresql.sql (adapted to your database)";
			throw new IllegalStateException("influence4j's backfill table " + table + " does not exist (the application "
					+ "defines BackfillSource beans) and influence.delivery.jdbc.initialize-schema does not create it "
					+ "here: create it from " + schema + " in influence-core's jar (for example in a Flyway migration), "
					+ "or set influence.delivery.jdbc.initialize-schema=always", ex);
		}
		try {
			jdbc.sql("SELECT waited_millis FROM " + table + " WHERE 1 = 0").query().listOfRows();
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("influence4j's backfill table " + table + " has no waited_millis column (it "
					+ "was created by an earlier snapshot) and influence.delivery.jdbc.initialize-schema does not add it "
					+ "here: run ALTER TABLE " + table + " ADD COLUMN waited_millis BIGINT DEFAULT 0 NOT NULL (for "
					+ "example in a Flyway migration), or set influence.delivery.jdbc.initialize-schema=always", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean(name = "influenceBackfillLifecycle")
	SmartLifecycle influenceBackfillLifecycle(Backfill backfill) {
		return new SmartLifecycle() {

			@Override
			public void start() {
				backfill.start();
			}

			@Override
			public void stop() {
				backfill.close();
			}

			@Override
			public boolean isRunning() {
				return backfill.isRunning();
			}

			@Override
			public int getPhase() {
				// Stops before the dispatcher, which delivers what it wrote.
				return SmartLifecycle.DEFAULT_PHASE - 2048 - 1;
			}

		};
	}

}
