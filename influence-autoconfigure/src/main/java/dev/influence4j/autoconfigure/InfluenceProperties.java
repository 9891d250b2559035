package dev.influence4j.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of influence4j, under the {@code influence} prefix. Only {@code influence.api-key} and
 * {@code influence.shop-key} are required; everything else has a default.
 * <p>
 * Why it is long: every group of properties is a nested class here, as Boot's configuration processor reads
 * them. Grouping the properties by what they govern and splitting this file (renaming properties on the way) is
 * item 4 of the open issue "A house a new maintainer can live in", to be done in one go so that users see one
 * rename, not several.
 */
@ConfigurationProperties("influence")
public class InfluenceProperties {

	/**
	 * Whether to enable influence4j: the API clients, the storefront widget context and delivery.
	 */
	private boolean enabled = true;

	/**
	 * Platform API key of the shop (Influence.io dashboard: Settings, API Settings, Platform API Settings).
	 * Also the secret of the customer digest; it is never logged nor shown by actuator endpoints.
	 */
	private @Nullable String apiKey;

	/**
	 * Shop key Influence.io shows for the shop, such as "example-com".
	 */
	private @Nullable String shopKey;

	private final Platform platform = new Platform();

	private final Launcher launcher = new Launcher();

	private final Http http = new Http();

	private final Retry retry = new Retry();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final Widget widget = new Widget();

	private final Delivery delivery = new Delivery();

	private final Sync sync = new Sync();

	private final Webhooks webhooks = new Webhooks();

	private final Health health = new Health();

	private final Backfill backfill = new Backfill();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getShopKey() {
		return this.shopKey;
	}

	public void setShopKey(@Nullable String shopKey) {
		this.shopKey = shopKey;
	}

	public Platform getPlatform() {
		return this.platform;
	}

	public Launcher getLauncher() {
		return this.launcher;
	}

	public Http getHttp() {
		return this.http;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public Widget getWidget() {
		return this.widget;
	}

	public Delivery getDelivery() {
		return this.delivery;
	}

	public Sync getSync() {
		return this.sync;
	}

	public Webhooks getWebhooks() {
		return this.webhooks;
	}

	public Health getHealth() {
		return this.health;
	}

	public Backfill getBackfill() {
		return this.backfill;
	}

	@Override
	public String toString() {
		// Written out so that nobody adds the API key or the webhook secret to it by accident.
		return "InfluenceProperties[enabled=" + this.enabled + ", shopKey=" + this.shopKey + ", apiKey="
				+ ((this.apiKey != null) ? "******" : null) + "]";
	}

	/**
	 * The Platform API.
	 */
	public static class Platform {

		/**
		 * Base URL of the Platform API.
		 */
		private String baseUrl = "https://platform.api.influence.io";

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

	/**
	 * The Launcher API.
	 */
	public static class Launcher {

		/**
		 * Base URL of the Launcher API.
		 */
		private String baseUrl = "https://launcher.api.influence.io/launcher";

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

	/**
	 * HTTP settings of both API clients.
	 */
	public static class Http {

		/**
		 * Time to wait for a connection to Influence.io.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Time to wait for Influence.io's answer once a request is sent.
		 */
		private Duration readTimeout = Duration.ofSeconds(15);

		/**
		 * Largest response body read from Influence.io; a larger one fails the call.
		 */
		private DataSize maxResponseSize = DataSize.ofMegabytes(8);

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

	}

	/**
	 * Retries of calls that failed transiently (connection errors, timeouts, 5xx, 429).
	 */
	public static class Retry {

		/**
		 * Attempts in total, the first included; 1 switches retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Factor applied to the wait after every retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		/**
		 * Share of every wait that is randomised, between 0 and 1.
		 */
		private double jitter = 0.5;

		/**
		 * Longest Retry-After honoured by waiting; a longer one ends the call so that delivery reschedules it.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

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

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * A circuit breaker in front of both API clients.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether to stop calling Influence.io for a while after too many transient failures.
		 */
		private boolean enabled;

		/**
		 * Percentage of failed calls in the sliding window that opens the circuit breaker.
		 */
		private float failureRateThreshold = 50;

		/**
		 * Number of recent calls the failure rate is computed over.
		 */
		private int slidingWindowSize = 20;

		/**
		 * Number of calls needed in the window before the failure rate is evaluated.
		 */
		private int minimumNumberOfCalls = 10;

		/**
		 * Time the circuit breaker stays open before letting trial calls through.
		 */
		private Duration waitInOpenState = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public Duration getWaitInOpenState() {
			return this.waitInOpenState;
		}

		public void setWaitInOpenState(Duration waitInOpenState) {
			this.waitInOpenState = waitInOpenState;
		}

	}

	/**
	 * The loyalty widgets on the shop's pages.
	 */
	public static class Widget {

		/**
		 * Whether to add the widget context to every page's model and serve the customer context endpoint.
		 */
		private boolean enabled = true;

		/**
		 * Name of the model attribute that carries the widget context.
		 */
		private String modelAttribute = "influence";

		/**
		 * Base URL rendered as the widgets' data-base-url. When not set, the Launcher base URL is used.
		 */
		private @Nullable String baseUrl;

		/**
		 * URL of the widget script (from the Influence.io dashboard); when set, the fragment also renders the
		 * script tag.
		 */
		private @Nullable String scriptUrl;

		/**
		 * Path of the JSON endpoint that returns the widget context to headless front ends.
		 */
		private String contextPath = "/influence/customer-context";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getModelAttribute() {
			return this.modelAttribute;
		}

		public void setModelAttribute(String modelAttribute) {
			this.modelAttribute = modelAttribute;
		}

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public @Nullable String getScriptUrl() {
			return this.scriptUrl;
		}

		public void setScriptUrl(@Nullable String scriptUrl) {
			this.scriptUrl = scriptUrl;
		}

		public String getContextPath() {
			return this.contextPath;
		}

		public void setContextPath(String contextPath) {
			this.contextPath = contextPath;
		}

	}

	/**
	 * Durable delivery of orders, products and customers through the outbox.
	 */
	public static class Delivery {

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
		 * Attempts after which an entry that still fails becomes a dead letter.
		 */
		private int maxAttempts = 25;

		/**
		 * Wait before the second attempt of an entry; it doubles after every failed attempt.
		 */
		private Duration initialBackoff = Duration.ofSeconds(10);

		/**
		 * Longest wait between two attempts of an entry.
		 */
		private Duration maxBackoff = Duration.ofHours(1);

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
		 * Time received webhook ids are remembered to recognise repeated deliveries.
		 */
		private Duration dedupRetention = Duration.ofDays(30);

		/**
		 * Time shutdown waits for deliveries in progress before releasing their claims.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * Name of this node in claims, unique per running instance. When not set, the host name with a
		 * random suffix.
		 */
		private @Nullable String nodeId;

		/**
		 * When to create the outbox table at startup (it is created only if it does not exist).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.ALWAYS;

		/**
		 * Prefix of the outbox table's name.
		 */
		private String tablePrefix = "influence_";

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

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
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

		public Duration getDedupRetention() {
			return this.dedupRetention;
		}

		public void setDedupRetention(Duration dedupRetention) {
			this.dedupRetention = dedupRetention;
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
		 * When the outbox table is created at startup.
		 */
		public enum SchemaInitialization {

			/**
			 * On every database, unless it exists.
			 */
			ALWAYS,

			/**
			 * Only on embedded databases (H2, HSQLDB, Derby).
			 */
			EMBEDDED,

			/**
			 * Never: the application creates it, for example with Flyway.
			 */
			NEVER

		}

	}

	/**
	 * Which storefront events are sent to Influence.io.
	 */
	public static class Sync {

		private final Feature orders = new Feature();

		private final Feature products = new Feature();

		private final Feature customers = new Feature();

		private final Feature collections = new Feature();

		public Feature getOrders() {
			return this.orders;
		}

		public Feature getProducts() {
			return this.products;
		}

		public Feature getCustomers() {
			return this.customers;
		}

		public Feature getCollections() {
			return this.collections;
		}

		/**
		 * Whether the storefront events of a group are sent.
		 * @param group the group a kind belongs to ({@code orders}, {@code products}, ...)
		 * @return whether it is enabled; groups of the application's own kinds always are
		 */
		public boolean isEnabled(String group) {
			return switch (group) {
				case "orders" -> this.orders.isEnabled();
				case "products" -> this.products.isEnabled();
				case "customers" -> this.customers.isEnabled();
				case "collections" -> this.collections.isEnabled();
				default -> true;
			};
		}

		/**
		 * One kind of storefront event.
		 */
		public static class Feature {

			/**
			 * Whether to send these events to Influence.io.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * The endpoint that receives Influence.io's webhooks.
	 */
	public static class Webhooks {

		/**
		 * Whether to accept Influence.io's webhooks.
		 */
		private boolean enabled = true;

		/**
		 * Path under which webhooks are received; the secret is the last path segment.
		 */
		private String path = "/influence/webhooks";

		/**
		 * Secret shared with Influence.io in the webhook URL, 32 characters or more; it is never logged nor
		 * shown by actuator endpoints.
		 */
		private @Nullable String secret;

		/**
		 * Secret that is being replaced: deliveries to its URL are still accepted until it is removed, so that
		 * the secret can be rotated without losing any.
		 */
		private @Nullable String previousSecret;

		/**
		 * Largest webhook body accepted.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(256);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable String getPreviousSecret() {
			return this.previousSecret;
		}

		public void setPreviousSecret(@Nullable String previousSecret) {
			this.previousSecret = previousSecret;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

	/**
	 * The {@code influence} health indicator.
	 */
	public static class Health {

		/**
		 * Age of the oldest entry not yet delivered (pending, waiting on backoff or in flight) beyond which delivery
		 * is reported DOWN.
		 */
		private Duration maxDeliveryLag = Duration.ofMinutes(15);

		public Duration getMaxDeliveryLag() {
			return this.maxDeliveryLag;
		}

		public void setMaxDeliveryLag(Duration maxDeliveryLag) {
			this.maxDeliveryLag = maxDeliveryLag;
		}

	}

	/**
	 * Imports of existing data (backfill).
	 */
	public static class Backfill {

		/**
		 * Rows read from a source per page, and written to the outbox per transaction.
		 */
		private int pageSize = 200;

		/**
		 * Most backfill entries unfinished in the outbox at a time; the next page is written when it fits.
		 */
		private int maxPending = 1000;

		/**
		 * Time a node holds an import without renewing its lease; another node takes it over after that.
		 */
		private Duration lease = Duration.ofSeconds(30);

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

		public int getMaxPending() {
			return this.maxPending;
		}

		public void setMaxPending(int maxPending) {
			this.maxPending = maxPending;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

	}

}
