package dev.influence4j.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Durable delivery of orders, products and customers through the outbox, under {@code influence.delivery}: the
 * dispatcher's work, the outbox's retries ({@code influence.delivery.retry}) and its tables
 * ({@code influence.delivery.jdbc}).
 */
public class InfluenceDeliveryProperties {

	/**
	 * Whether to write the storefront's events to the outbox and deliver them to Influence.io.
	 */
	private boolean enabled = true;

	/**
	 * Where the outbox is kept. "auto" uses the application's DataSource when there is one and memory
	 * otherwise.
	 */
	private Store store = Store.AUTO;

	/**
	 * Time between two polls of the outbox when no commit nudges the dispatcher.
	 */
	private Duration pollInterval = Duration.ofSeconds(5);

	/**
	 * Most entries claimed at once.
	 */
	private int batchSize = 50;

	/**
	 * Most entries sent at the same time, always of different entities.
	 */
	private int concurrency = 4;

	/**
	 * Age after which an entry that still fails becomes a dead letter.
	 */
	private Duration maxAge = Duration.ofDays(3);

	/**
	 * Time a node's claim on an entry holds without renewal. A node renews its claims every quarter of it
	 * while it delivers, so the claims of a node that died are taken over after about this time.
	 */
	private Duration lease = Duration.ofSeconds(20);

	/**
	 * Time delivery pauses after Influence.io refuses the API key.
	 */
	private Duration authPause = Duration.ofMinutes(1);

	/**
	 * Time delivered entries are kept before they are purged.
	 */
	private Duration retention = Duration.ofDays(7);

	/**
	 * Time shutdown waits for deliveries in progress before releasing their claims.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Name of this node in claims, unique per running instance. When not set, the host name with a
	 * random suffix.
	 */
	private @Nullable String nodeId;

	private final Retry retry = new Retry();

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getAuthPause() {
		return this.authPause;
	}

	public void setAuthPause(Duration authPause) {
		this.authPause = authPause;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public @Nullable String getNodeId() {
		return this.nodeId;
	}

	public void setNodeId(@Nullable String nodeId) {
		this.nodeId = nodeId;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * Where the outbox is kept.
	 */
	public enum Store {

		/**
		 * In the application's DataSource when there is one, in memory otherwise.
		 */
		AUTO,

		/**
		 * In the application's DataSource; startup fails without one.
		 */
		JDBC,

		/**
		 * In memory: not durable, lost on restart, not shared between nodes.
		 */
		MEMORY

	}

	/**
	 * Retries of an outbox entry whose delivery failed transiently: exponential backoff with jitter, until the
	 * entry becomes a dead letter. A {@code Retry-After} from Influence.io is honoured instead of the backoff.
	 */
	public static class Retry {

		/**
		 * Attempts after which an entry that still fails becomes a dead letter.
		 */
		private int maxAttempts = 25;

		/**
		 * Wait before the second attempt of an entry.
		 */
		private Duration initialBackoff = Duration.ofSeconds(10);

		/**
		 * Factor applied to the wait after every failed attempt.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts of an entry.
		 */
		private Duration maxBackoff = Duration.ofHours(1);

		/**
		 * Share of every wait that is randomised, between 0 and 1.
		 */
		private double jitter = 0.2;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * The outbox's tables in the application's DataSource.
	 */
	public static class Jdbc {

		/**
		 * When to create the outbox and backfill tables at startup (they are created only if they do not exist).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.ALWAYS;

		/**
		 * Prefix of the names of the outbox and backfill tables.
		 */
		private String tablePrefix = "influence_";

		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		/**
		 * When the outbox and backfill tables are created at startup.
		 */
		public enum SchemaInitialization {

			/**
			 * On every database, unless they exist.
			 */
			ALWAYS,

			/**
			 * Only on embedded databases (H2, HSQLDB, Derby).
			 */
			EMBEDDED,

			/**
			 * Never: the application creates them, for example with Flyway.
			 */
			NEVER

		}

	}

}
