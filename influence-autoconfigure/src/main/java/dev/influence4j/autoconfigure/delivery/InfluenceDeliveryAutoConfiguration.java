package dev.influence4j.autoconfigure.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.InfluenceDeliveryProperties;
import dev.influence4j.autoconfigure.InfluenceDeliveryProperties.Jdbc;
import dev.influence4j.autoconfigure.InfluenceDeliveryProperties.Store;
import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.autoconfigure.InfluenceWebhookProperties;
import dev.influence4j.delivery.DatabasePlatform;
import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.DeliveryObservationConvention;
import dev.influence4j.delivery.DeliverySettings;
import dev.influence4j.delivery.EntryKind;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of durable delivery:
 * the outbox (in the application's {@code DataSource}, or in memory with a warning), the dispatcher that sends
 * it to Influence.io with the Platform client, the writer, and one listener per {@code influence.sync.*} feature
 * that turns the storefront's events into outbox entries in the publishing transaction.
 */
@AutoConfiguration(after = InfluenceAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "influence.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "influence.delivery.enabled", matchIfMissing = true)
@ConditionalOnBean(PlatformClient.class)
public final class InfluenceDeliveryAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(InfluenceDeliveryAutoConfiguration.class);

	/** How long one reading of the outbox serves the gauges, the health indicator and the endpoint's summary. */
	private static final Duration REPORT_CACHE_TIME = Duration.ofSeconds(5);

	private static final boolean BOOT_JDBC_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.jdbc.EmbeddedDatabaseConnection",
			InfluenceDeliveryAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	Outbox influenceOutbox(InfluenceProperties properties, ObjectProvider<DataSource> dataSources) {
		InfluenceDeliveryProperties delivery = properties.getDelivery();
		DataSource dataSource = (delivery.getStore() != Store.MEMORY) ? dataSources.getIfUnique() : null;
		if (dataSource == null) {
			if (delivery.getStore() == Store.JDBC) {
				throw new IllegalStateException("influence.delivery.store is 'jdbc' but the application has no single "
						+ "(or primary) DataSource; add one, or set influence.delivery.store to 'memory'");
			}
			logger.warn("influence4j delivery is NOT DURABLE: its outbox is kept in memory ({}). Orders, products "
					+ "and customers not yet sent to Influence.io are lost when the application stops or crashes, and "
					+ "several nodes do not share the work. Give the application a DataSource to keep the outbox in "
					+ "the database.", (delivery.getStore() == Store.MEMORY) ? "influence.delivery.store=memory"
							: "no DataSource");
			return new InMemoryOutbox(Clock.systemUTC());
		}
		DatabasePlatform platform = DatabasePlatform.of(dataSource);
		Jdbc jdbc = delivery.getJdbc();
		JdbcOutbox outbox = new JdbcOutbox(dataSource, platform, jdbc.getTablePrefix(), Clock.systemUTC());
		if (initializeSchema(jdbc.getInitializeSchema(), dataSource, platform)) {
			outbox.initializeSchema();
		}
		else {
			requireTable(dataSource, jdbc.getTablePrefix() + "outbox", platform);
		}
		return outbox;
	}

	/**
	 * Fail at startup, not at the first checkout, when the application was to create the table and did not.
	 */
	private static void requireTable(DataSource dataSource, String table, DatabasePlatform platform) {
		try {
			// The prefix was validated by JdbcOutbox: letters, digits and underscores only.
			JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").query().singleValue();
		}
		catch (DataAccessException ex) {
			String schema = (platform.schemaResource() != null) ? "dev/influence4j/delivery/" + platform.schemaResource()
					: "dev/influence4j/delivery/schema-postgresql.sql (adapted to your database)";
			throw new IllegalStateException("influence4j's outbox table " + table + " does not exist and "
					+ "influence.delivery.jdbc.initialize-schema does not create it here: create it from " + schema
					+ " in influence-core's jar (for example in a Flyway migration), or set "
					+ "influence.delivery.jdbc.initialize-schema=always", ex);
		}
		try {
			JdbcClient.create(dataSource).sql("SELECT priority FROM " + table + " WHERE 1 = 0").query().listOfRows();
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("influence4j's outbox table " + table + " has no priority column (it was "
					+ "created by an earlier snapshot) and influence.delivery.jdbc.initialize-schema does not add it "
					+ "here: run ALTER TABLE " + table + " ADD COLUMN priority SMALLINT DEFAULT 0 NOT NULL (for example "
					+ "in a Flyway migration), or set influence.delivery.jdbc.initialize-schema=always", ex);
		}
	}

	private static boolean initializeSchema(Jdbc.SchemaInitialization mode, DataSource dataSource,
			DatabasePlatform platform) {
		return switch (mode) {
			case ALWAYS -> true;
			case NEVER -> false;
			case EMBEDDED -> BOOT_JDBC_PRESENT ? EmbeddedDatabases.isEmbedded(dataSource) : platform == DatabasePlatform.H2;
		};
	}

	/** Kept apart so that nothing of spring-boot-jdbc is loaded when it is absent. */
	private static final class EmbeddedDatabases {

		static boolean isEmbedded(DataSource dataSource) {
			return EmbeddedDatabaseConnection.isEmbedded(dataSource);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	OutboxDispatcher influenceOutboxDispatcher(Outbox outbox, PlatformClient platformClient,
			ObjectProvider<EntryKind<?>> kinds, ObjectProvider<DeliveryListener> listeners,
			ObjectProvider<DeliverySettingsCustomizer> customizers, InfluenceProperties properties,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<DeliveryObservationConvention> convention) {
		DeliverySettings settings = settings(properties.getDelivery(), properties.getWebhooks());
		for (DeliverySettingsCustomizer customizer : customizers.orderedStream().toList()) {
			settings = customizer.customize(settings);
		}
		// One HTTP attempt per outbox attempt: the outbox's retry policy decides about the next one.
		PlatformClient oneAttempt = platformClient.withRetry(RetrySettings.none());
		return new OutboxDispatcher(outbox, withOwn(SyncKinds.all(oneAttempt), kinds.orderedStream().toList()),
				settings, new CompositeDeliveryListener(listeners.orderedStream().toList()), Clock.systemUTC(),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), convention.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	DeliveryOperations influenceDeliveryOperations(Outbox outbox, OutboxDispatcher dispatcher,
			InfluenceProperties properties) {
		return new DeliveryOperations(outbox, dispatcher::pause, dispatcher::nudge, dispatcher.nodeId(),
				properties.getHealth().getMaxDeliveryLag(), REPORT_CACHE_TIME, Clock.systemUTC());
	}

	/**
	 * influence4j's kinds, except those the application defines itself (by name), and the application's own.
	 */
	private static <K extends EntryKind<?>> List<K> withOwn(List<? extends K> builtIn, List<? extends K> own) {
		Map<String, K> byName = new LinkedHashMap<>();
		builtIn.forEach((kind) -> byName.put(kind.name(), kind));
		own.forEach((kind) -> byName.remove(kind.name()));
		List<K> all = new ArrayList<>(byName.values());
		all.addAll(own);
		return all;
	}

	static DeliverySettings settings(InfluenceDeliveryProperties delivery, InfluenceWebhookProperties webhooks) {
		DeliverySettings defaults = DeliverySettings.defaults(nodeId(delivery.getNodeId()));
		return defaults.withPollInterval(delivery.getPollInterval())
			.withBatchSize(delivery.getBatchSize())
			.withConcurrency(delivery.getConcurrency())
			.withRetry(retry(delivery.getRetry()))
			.withMaxAge(delivery.getMaxAge())
			.withLease(delivery.getLease())
			.withAuthPause(delivery.getAuthPause())
			.withRetention(delivery.getRetention())
			// The outbox remembers received webhook ids, and its housekeeping forgets them after this.
			.withDedupRetention(webhooks.getDedupRetention())
			.withShutdownTimeout(delivery.getShutdownTimeout());
	}

	private static RetryConfig retry(InfluenceDeliveryProperties.Retry retry) {
		try {
			return DeliverySettings.exponentialRetry(retry.getMaxAttempts(), retry.getInitialBackoff(),
					retry.getMultiplier(), retry.getMaxBackoff(), retry.getJitter());
		}
		catch (IllegalArgumentException ex) {
			// Resilience4j names its own parameters (randomizationFactor, ...), not the properties.
			throw new IllegalArgumentException("influence.delivery.retry.* is invalid: " + ex.getMessage(), ex);
		}
	}

	private static String nodeId(@Nullable String configured) {
		return (configured != null && !configured.isBlank()) ? configured : NodeIds.generate();
	}

	@Bean
	@ConditionalOnMissingBean
	InfluenceDeliveryLifecycle influenceDeliveryLifecycle(OutboxDispatcher dispatcher) {
		return new InfluenceDeliveryLifecycle(dispatcher);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxWriter influenceOutboxWriter(Outbox outbox, OutboxDispatcher dispatcher, PlatformClient platformClient,
			ObjectProvider<StorefrontKind<?, ?>> kinds) {
		return new OutboxWriter(outbox, dispatcher::nudge,
				withOwn(SyncKinds.storefront(platformClient), kinds.orderedStream().toList()));
	}

	/**
	 * The storefront events the writer knows, except the groups switched off with
	 * {@code influence.sync.<group>.enabled=false}.
	 */
	@Bean
	StorefrontEventListener influenceStorefrontEventListener(OutboxWriter writer, InfluenceProperties properties,
			PlatformClient platformClient, ObjectProvider<StorefrontKind<?, ?>> kinds) {
		Set<Class<?>> eventTypes = new HashSet<>();
		for (StorefrontKind<?, ?> kind : withOwn(SyncKinds.storefront(platformClient), kinds.orderedStream().toList())) {
			if (properties.getSync().isEnabled(kind.group()) && writer.kindFor(kind.eventType()).isPresent()) {
				eventTypes.add(kind.eventType());
			}
		}
		return new StorefrontEventListener(writer, eventTypes);
	}

}
