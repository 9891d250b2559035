package dev.influence4j.autoconfigure.backfill;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import dev.influence4j.autoconfigure.InfluenceBackfillProperties;
import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillSettings;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.delivery.OutboxWriter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of imports of
 * existing data: a {@link Backfill} over the application's {@link BackfillSource} beans, in the outbox's database,
 * running on every node (one runs a given import at a time). Nothing is imported until it is started (Java API,
 * the {@code influence} endpoint, or a page of the shop's own).
 */
@AutoConfiguration(after = InfluenceDeliveryAutoConfiguration.class)
@ConditionalOnBean({ BackfillSource.class, OutboxDispatcher.class, DataSource.class })
public final class InfluenceBackfillAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Backfill influenceBackfill(Outbox outbox, OutboxWriter writer, OutboxDispatcher dispatcher,
			ObjectProvider<DataSource> dataSources, ObjectProvider<BackfillSource<?, ?>> sources,
			InfluenceProperties properties) {
		if (!(outbox instanceof JdbcOutbox)) {
			throw new IllegalStateException("the application defines BackfillSource beans, but influence4j's outbox is "
					+ "kept in memory (influence.delivery.store=memory), and an import must survive restarts: keep the "
					+ "outbox in the DataSource (influence.delivery.store=auto or jdbc), or remove the sources");
		}
		InfluenceBackfillProperties backfill = properties.getBackfill();
		BackfillSettings settings = BackfillSettings.defaults(dispatcher.nodeId())
			.withPageSize(backfill.getPageSize())
			.withMaxPending(backfill.getMaxPending())
			.withLease(backfill.getLease());
		return new Backfill(dataSources.getObject(), properties.getDelivery().getJdbc().getTablePrefix(), outbox,
				writer, dispatcher::nudge, sources.orderedStream().toList(), settings, Clock.systemUTC());
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
