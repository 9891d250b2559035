package dev.influence4j.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stateful fake of Influence.io's Platform and Launcher APIs, served from memory on a local port
 * (127.0.0.1). Point influence4j's clients, or any other, at {@link #platformBaseUrl()} and
 * {@link #launcherBaseUrl()}; then check what happened with {@link #customer(String)},
 * {@link #order(String)}, {@link #journal()} and {@link #webhookDeliveries()}, and make it misbehave with
 * {@link #faults()}.
 * <pre>{@code
 * try (InfluenceSandbox sandbox = InfluenceSandbox.builder().apiKey("key").shopKey("shop").start()) {
 *     PlatformClient platform = PlatformClient.builder()
 *         .apiKey(sandbox.apiKey()).baseUrl(sandbox.platformBaseUrl()).build();
 *     platform.orders().create(order);
 *     assertThat(sandbox.customer("42")).hasValueSatisfying((c) -> assertThat(c.pointBalance()).isEqualTo(49));
 * }
 * }</pre>
 * What is simulated: customers, points, memberships, orders with the earning rules (an order earns
 * {@code floor(total × rate)} points once, in an earning status; a deducting status takes them back once),
 * products, collections, reward codes, webhook subscriptions and deliveries, and the Launcher's customer
 * profile, points history, active rewards, redemption, shop, rules and tiers, with the documented digest
 * checks. Everything is thread-safe. The sandbox holds no secrets of its own: its API key is whatever the
 * test gives it.
 * <p>
 * Why it is long: it is one concept, the sandbox as a test sees it, and holds only its public face: the
 * accessors a test asserts with (customers, orders, rewards, journal, webhook deliveries), the state setters,
 * and its {@link Builder} (about 200 lines of settings with their Javadoc). The rules live in the rooms behind
 * {@code SandboxState}; the HTTP side in {@code SandboxHandler} and the route tables.
 */
public final class InfluenceSandbox implements AutoCloseable {

	/** The earn rule orders earn by; its {@code earnValue} is the points per 1.00. */
	public static final String PLACE_ORDER_EARN_RULE_ID = "earn-place-order";

	/** A general-purpose earn rule, for awarding points with {@code earnRuleId}. */
	public static final String GENERAL_PURPOSE_EARN_RULE_ID = "earn-general-purpose";

	/** Points the general-purpose earn rule awards when the request names no number. */
	public static final long GENERAL_PURPOSE_POINTS = 100;

	private static final AtomicInteger instances = new AtomicInteger();

	/** The JDK HTTP server's switch for TCP_NODELAY on the connections it accepts. */
	static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

	private final SandboxSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock = Clock.systemUTC();

	private final SandboxJournal journal = new SandboxJournal();

	private final SandboxFaults faults;

	private final WebhookDispatcher webhooks;

	private final SandboxState state;

	private final SandboxCatalogue catalogue;

	private final WireFormat wire;

	private final LauncherDigest digest;

	private final int instance = instances.incrementAndGet();

	private @Nullable HttpServer server;

	private @Nullable ExecutorService executor;

	private @Nullable ScheduledExecutorService delayedAnswers;

	private boolean closed;

	private InfluenceSandbox(SandboxSettings settings) {
		this.settings = settings;
		this.faults = new SandboxFaults(settings.faultSeed());
		this.webhooks = new WebhookDispatcher(this.json, this.clock, "influence-sandbox-" + this.instance + "-webhooks");
		// The shop's id is derived from its key, so it stays the same across runs.
		this.wire = new WireFormat(UUID.nameUUIDFromBytes(settings.shopKey().getBytes(StandardCharsets.UTF_8)).toString(),
				settings);
		this.state = new SandboxState(settings, this.clock, this.wire, this.webhooks);
		this.catalogue = new SandboxCatalogue(this.clock, this.wire);
		this.digest = new LauncherDigest(settings.apiKey(), settings.shopKey());
	}

	/**
	 * Start configuring a sandbox. Without further settings it uses the API key {@code test-api-key} and the
	 * shop key {@code test-shop}.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start listening. Calling it again on a running sandbox does nothing.
	 * <p>
	 * Unless it is set already, this sets the JVM property {@code sun.net.httpserver.nodelay} to {@code true}
	 * before the server is created: the JDK's HTTP server writes an answer's headers and body as two packets,
	 * and without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add about 40 ms to every answer.
	 * The JDK offers no switch per server: it reads this property once, when the JVM's first {@code HttpServer}
	 * is created, and it concerns only that server class. A test that creates one before the first sandbox
	 * starts should set the property itself.
	 * @return this sandbox
	 * @throws UncheckedIOException when the port cannot be bound
	 * @throws IllegalStateException when the sandbox was closed
	 */
	public synchronized InfluenceSandbox start() {
		if (this.closed) {
			throw new IllegalStateException("the sandbox was closed; build a new one");
		}
		if (this.server != null) {
			return this;
		}
		if (System.getProperty(NO_DELAY_PROPERTY) == null) {
			System.setProperty(NO_DELAY_PROPERTY, "true");
		}
		try {
			HttpServer httpServer = HttpServer
				.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.settings.port()), 0);
			AtomicInteger threads = new AtomicInteger();
			// A thread per request, so that a slow client holds up only its own request.
			ExecutorService httpExecutor = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "influence-sandbox-" + this.instance + "-http-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			httpServer.setExecutor(httpExecutor);
			ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "influence-sandbox-" + this.instance + "-delayed-answers");
				thread.setDaemon(true);
				return thread;
			});
			String base = "http://127.0.0.1:" + httpServer.getAddress().getPort();
			httpServer.createContext("/", new SandboxHandler(this.settings.apiKey(), this.json, this.clock, this.journal,
					this.faults, PlatformRoutes.create(this.state, this.catalogue),
					LauncherRoutes.create(this.state, this.settings, this.wire, base + "/launcher"), delayed));
			httpServer.start();
			this.server = httpServer;
			this.executor = httpExecutor;
			this.delayedAnswers = delayed;
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the Influence sandbox on port " + this.settings.port(), ex);
		}
	}

	/**
	 * Stop listening, drop pending webhook deliveries and release the port. A closed sandbox cannot be
	 * started again.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
		if (this.delayedAnswers != null) {
			this.delayedAnswers.shutdownNow();
			this.delayedAnswers = null;
		}
		this.webhooks.close();
	}

	/**
	 * Whether the sandbox is listening.
	 * @return whether it was started and not closed
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port the sandbox listens on.
	 * @return the port
	 * @throws IllegalStateException when it is not running
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("the sandbox is not running: call start() first");
		}
		return this.server.getAddress().getPort();
	}

	/**
	 * The Platform API's base URL, for example {@code http://127.0.0.1:54321}; paths start with {@code /v1}.
	 * @return the base URL
	 */
	public String platformBaseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The Launcher API's base URL, for example {@code http://127.0.0.1:54321/launcher}; paths start with
	 * {@code /v1}, as on {@code https://launcher.api.influence.io/launcher}.
	 * @return the base URL
	 */
	public String launcherBaseUrl() {
		return platformBaseUrl() + "/launcher";
	}

	/**
	 * The API key Platform calls must send as {@code x-api-key}; also the digest secret.
	 * @return the API key
	 */
	public String apiKey() {
		return this.settings.apiKey();
	}

	/**
	 * The shop key Launcher calls must send as {@code shop}.
	 * @return the shop key
	 */
	public String shopKey() {
		return this.settings.shopKey();
	}

	/**
	 * The digest the Launcher expects for a customer, computed by the sandbox's own implementation of the
	 * documented recipe (useful to call the Launcher from a test without influence4j's digest).
	 * @param email the customer's email, in any case
	 * @param customerId the shop's customer id
	 * @return 64 lowercase hex characters
	 */
	public String digest(String email, String customerId) {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(customerId, "customer id");
		return this.digest.compute(email, customerId);
	}

	/**
	 * Every request received, for assertions on what a client sent.
	 * @return the journal
	 */
	public SandboxJournal journal() {
		return this.journal;
	}

	/**
	 * Faults to inject into the next requests.
	 * @return the faults
	 */
	public SandboxFaults faults() {
		return this.faults;
	}

	/**
	 * A customer by the shop's id.
	 * @param externalId the shop's customer id
	 * @return a snapshot, or empty when the sandbox does not know the customer
	 */
	public Optional<SandboxCustomer> customer(String externalId) {
		return this.state.customer(Objects.requireNonNull(externalId, "external id"));
	}

	/**
	 * A customer by email, guests included.
	 * @param email the email, in any case
	 * @return a snapshot of the first customer created with it, or empty
	 */
	public Optional<SandboxCustomer> customerByEmail(String email) {
		return this.state.customerByEmail(Objects.requireNonNull(email, "email"));
	}

	/**
	 * Every customer, in creation order.
	 * @return snapshots
	 */
	public List<SandboxCustomer> customers() {
		return this.state.customers();
	}

	/**
	 * Add a member directly, without a request: a starting point for a test. No webhook is sent.
	 * @param externalId the shop's customer id
	 * @param email the email, in any case; held lowercased, as influence4j upserts it
	 * @param pointBalance the starting balance, recorded as one earning
	 * @return a snapshot of the new customer
	 * @throws IllegalArgumentException when a customer with the id exists
	 */
	public SandboxCustomer addCustomer(String externalId, String email, long pointBalance) {
		Objects.requireNonNull(externalId, "external id");
		Objects.requireNonNull(email, "email");
		return this.state.addCustomer(externalId, email, pointBalance);
	}

	/**
	 * An order by the shop's id.
	 * @param orderId the shop's order id
	 * @return a snapshot, or empty when the sandbox has no such order
	 */
	public Optional<SandboxOrder> order(String orderId) {
		return this.state.order(Objects.requireNonNull(orderId, "order id"));
	}

	/**
	 * Every order, in creation order.
	 * @return snapshots
	 */
	public List<SandboxOrder> orders() {
		return this.state.orders();
	}

	/**
	 * A customer's point activities.
	 * @param externalId the shop's customer id
	 * @return the activities, oldest first
	 */
	public List<SandboxPointActivity> pointActivities(String externalId) {
		return this.state.pointActivities(Objects.requireNonNull(externalId, "external id"));
	}

	/**
	 * Every point activity, guests' included.
	 * @return the activities, oldest first
	 */
	public List<SandboxPointActivity> pointActivities() {
		return this.state.pointActivities();
	}

	/**
	 * Every reward code issued by redemptions.
	 * @return the rewards, oldest first
	 */
	public List<IssuedReward> issuedRewards() {
		return this.state.issuedRewards();
	}

	/**
	 * The redeem rules the shop offers.
	 * @return the rules
	 */
	public List<SandboxRedeemRule> redeemRules() {
		return this.settings.redeemRules();
	}

	/**
	 * Subscribe an address to a topic, as {@code POST /v1/webhooks} would.
	 * @param topic the topic, for example {@code points/redeemed}
	 * @param address where to post deliveries
	 * @return the subscription's id
	 * @throws IllegalArgumentException for a topic Influence.io does not document
	 */
	public String subscribe(String topic, URI address) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(address, "address");
		if (!address.isAbsolute() || !("http".equals(address.getScheme()) || "https".equals(address.getScheme()))) {
			throw new IllegalArgumentException("address must be an absolute http or https URL");
		}
		return this.state.subscribe(topic, address);
	}

	/**
	 * Remove a subscription.
	 * @param subscriptionId the subscription's id
	 * @return whether it existed
	 */
	public boolean unsubscribe(String subscriptionId) {
		return this.state.unsubscribe(Objects.requireNonNull(subscriptionId, "subscription id"));
	}

	/**
	 * Every webhook delivery attempt so far, retries and redeliveries included.
	 * @return the attempts, oldest first
	 */
	public List<WebhookDelivery> webhookDeliveries() {
		return this.webhooks.attempts();
	}

	/**
	 * Send a delivery again with the same {@code X-Webhook-Id}, body and topic, as Influence.io might after
	 * a timeout: to test that the receiver ignores repeats. Asynchronous, like every delivery.
	 * @param webhookId the {@code X-Webhook-Id} of an earlier delivery
	 * @throws IllegalArgumentException when there was no such delivery
	 */
	public void redeliver(String webhookId) {
		this.webhooks.redeliver(Objects.requireNonNull(webhookId, "webhook id"));
	}

	/**
	 * Forget everything: customers, orders, activities, rewards, products, collections, webhook
	 * subscriptions and deliveries (pending retries are dropped), the journal and the faults. The
	 * configuration and the port stay.
	 */
	public void reset() {
		this.state.reset();
		this.catalogue.reset();
		this.journal.clear();
		this.faults.clear();
	}

	@Override
	public String toString() {
		String where;
		synchronized (this) {
			where = (this.server != null) ? "http://127.0.0.1:" + this.server.getAddress().getPort()
					: (this.closed ? "closed" : "not started");
		}
		return "InfluenceSandbox[" + where + ", shopKey=" + this.settings.shopKey() + "]";
	}

	/**
	 * Configures an {@link InfluenceSandbox}. Every setting has a default.
	 */
	public static final class Builder {

		private String apiKey = "test-api-key";

		private String shopKey = "test-shop";

		private int port;

		private BigDecimal pointsPerCurrencyUnit = BigDecimal.ONE;

		private Set<String> earningStatuses = Set.of("paid");

		private Set<String> deductingStatuses = Set.of("refunded");

		private List<SandboxRedeemRule> redeemRules = SandboxRedeemRule.defaults();

		private int pageSize = 50;

		private String storeCurrency = "GBP";

		private long faultSeed = 20240601L;

		private Builder() {
		}

		/**
		 * The API key clients must send as {@code x-api-key}; also the digest secret.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = text(apiKey, "API key");
			return this;
		}

		/**
		 * The shop key Launcher calls must send.
		 * @param shopKey the shop key, for example {@code example-com}
		 * @return this builder
		 */
		public Builder shopKey(String shopKey) {
			this.shopKey = text(shopKey, "shop key");
			return this;
		}

		/**
		 * The port to listen on; 0 (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Points an order earns per 1.00 of its total (rounded down); 1 by default.
		 * @param pointsPerCurrencyUnit a positive rate
		 * @return this builder
		 */
		public Builder pointsPerCurrencyUnit(BigDecimal pointsPerCurrencyUnit) {
			Objects.requireNonNull(pointsPerCurrencyUnit, "points per currency unit");
			if (pointsPerCurrencyUnit.signum() <= 0) {
				throw new IllegalArgumentException("points per currency unit must be positive");
			}
			this.pointsPerCurrencyUnit = pointsPerCurrencyUnit;
			return this;
		}

		/**
		 * Financial statuses in which an order earns; {@code paid} by default.
		 * @param statuses the statuses, for example {@code paid}, {@code partially_paid}
		 * @return this builder
		 */
		public Builder earningStatuses(String... statuses) {
			this.earningStatuses = statuses(statuses);
			return this;
		}

		/**
		 * Financial statuses in which an order that earned gives its points back; {@code refunded} by default.
		 * @param statuses the statuses
		 * @return this builder
		 */
		public Builder deductingStatuses(String... statuses) {
			this.deductingStatuses = statuses(statuses);
			return this;
		}

		/**
		 * The redeem rules the shop offers, replacing the {@link SandboxRedeemRule#defaults() defaults}.
		 * @param rules the rules, with distinct ids
		 * @return this builder
		 */
		public Builder redeemRules(List<SandboxRedeemRule> rules) {
			this.redeemRules = SandboxRewards.distinct(rules);
			return this;
		}

		/**
		 * The redeem rules the shop offers, replacing the {@link SandboxRedeemRule#defaults() defaults}.
		 * @param rules the rules
		 * @return this builder
		 */
		public Builder redeemRules(SandboxRedeemRule... rules) {
			return redeemRules(List.of(rules));
		}

		/**
		 * Items per page of list answers (customers, products, collections, points history, rewards); 50 by
		 * default.
		 * @param pageSize a positive size
		 * @return this builder
		 */
		public Builder pageSize(int pageSize) {
			if (pageSize <= 0) {
				throw new IllegalArgumentException("page size must be positive but was " + pageSize);
			}
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * The shop's currency, as {@code GET /v1/shop} reports it; {@code GBP} by default.
		 * @param storeCurrency an ISO 4217 code
		 * @return this builder
		 */
		public Builder storeCurrency(String storeCurrency) {
			String code = text(storeCurrency, "store currency").toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z]{3}")) {
				throw new IllegalArgumentException("store currency must be a three-letter code but was " + storeCurrency);
			}
			this.storeCurrency = code;
			return this;
		}

		/**
		 * The seed of {@link SandboxFaults#failRatio(double, int)}, for reproducible runs.
		 * @param faultSeed the seed
		 * @return this builder
		 */
		public Builder faultSeed(long faultSeed) {
			this.faultSeed = faultSeed;
			return this;
		}

		/**
		 * Build the sandbox without starting it.
		 * @return the sandbox
		 * @throws IllegalArgumentException when a status both earns and deducts
		 */
		public InfluenceSandbox build() {
			Set<String> overlap = new LinkedHashSet<>(this.earningStatuses);
			overlap.retainAll(this.deductingStatuses);
			if (!overlap.isEmpty()) {
				throw new IllegalArgumentException("statuses cannot both earn and deduct: " + overlap);
			}
			return new InfluenceSandbox(new SandboxSettings(this.apiKey, this.shopKey, this.port,
					this.pointsPerCurrencyUnit, this.earningStatuses, this.deductingStatuses, this.redeemRules,
					this.pageSize, this.storeCurrency, this.faultSeed));
		}

		/**
		 * Build the sandbox and start it.
		 * @return the running sandbox
		 */
		public InfluenceSandbox start() {
			return build().start();
		}

		private static Set<String> statuses(String... statuses) {
			Objects.requireNonNull(statuses, "statuses");
			List<String> list = new ArrayList<>();
			for (String status : statuses) {
				if (!SandboxOrders.FINANCIAL_STATUSES.contains(status)) {
					throw new IllegalArgumentException(
							"status must be one of " + SandboxOrders.FINANCIAL_STATUSES + " but was " + status);
				}
				list.add(status);
			}
			return Set.copyOf(list);
		}

		private static String text(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return value;
		}

	}

}
