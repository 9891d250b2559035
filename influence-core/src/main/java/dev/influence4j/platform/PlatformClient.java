package dev.influence4j.platform;

import dev.influence4j.http.InfluenceClientBuilder;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.http.internal.ApiTransport;

/**
 * The Influence.io Platform API: server-to-server calls authenticated with the shop's API key. Thread-safe;
 * build one per application and share it.
 * <pre>{@code
 * PlatformClient platform = PlatformClient.builder().apiKey(System.getenv("INFLUENCE_API_KEY")).build();
 * platform.customers().upsert(InfluenceCustomer.of("42", "jane@example.com"));
 * platform.orders().create(order);
 * }</pre>
 * Failures surface as subtypes of {@link dev.influence4j.http.InfluenceApiException}; transient ones are
 * retried first as the {@link dev.influence4j.http.RetrySettings} allow.
 */
public final class PlatformClient {

	/** Influence.io's production Platform API. */
	public static final String DEFAULT_BASE_URL = "https://platform.api.influence.io";

	private final CustomerApi customers;

	private final PointsApi points;

	private final MembershipApi memberships;

	private final OrderApi orders;

	private final ProductApi products;

	private final CollectionApi collections;

	private final RewardApi rewards;

	private final WebhookSubscriptionApi webhooks;

	private final ApiTransport transport;

	private PlatformClient(ApiTransport transport) {
		this.transport = transport;
		this.customers = new CustomerApi(transport);
		this.points = new PointsApi(transport);
		this.memberships = new MembershipApi(transport);
		this.orders = new OrderApi(transport);
		this.products = new ProductApi(transport);
		this.collections = new CollectionApi(transport);
		this.rewards = new RewardApi(transport);
		this.webhooks = new WebhookSubscriptionApi(transport);
	}

	/**
	 * A client configured like this one (base URL, key, timeouts, paths, customizers, observations) that retries
	 * calls by other settings. The delivery engine sends with {@code withRetry(RetrySettings.none())}: one HTTP
	 * attempt per outbox attempt, its own retry policy deciding the rest.
	 * @param retry the retry settings
	 * @return the client
	 */
	public PlatformClient withRetry(RetrySettings retry) {
		return new PlatformClient(this.transport.withRetry(retry));
	}

	/**
	 * Start configuring a client.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Customers: read, upsert, list.
	 * @return the customer operations
	 */
	public CustomerApi customers() {
		return this.customers;
	}

	/**
	 * Points: award and deduct.
	 * @return the points operations
	 */
	public PointsApi points() {
		return this.points;
	}

	/**
	 * Memberships: enroll and remove.
	 * @return the membership operations
	 */
	public MembershipApi memberships() {
		return this.memberships;
	}

	/**
	 * Orders: create, update, read; safe to repeat.
	 * @return the order operations
	 */
	public OrderApi orders() {
		return this.orders;
	}

	/**
	 * Products: upsert, read, delete, list.
	 * @return the product operations
	 */
	public ProductApi products() {
		return this.products;
	}

	/**
	 * Collections: upsert, read, delete, list, add and remove products.
	 * @return the collection operations
	 */
	public CollectionApi collections() {
		return this.collections;
	}

	/**
	 * Reward codes: mark used.
	 * @return the reward operations
	 */
	public RewardApi rewards() {
		return this.rewards;
	}

	/**
	 * Webhook subscriptions.
	 * @return the webhook subscription operations
	 */
	public WebhookSubscriptionApi webhooks() {
		return this.webhooks;
	}

	@Override
	public String toString() {
		return "PlatformClient";
	}

	/**
	 * Configures a {@link PlatformClient}. Only the API key is required.
	 */
	public static final class Builder extends InfluenceClientBuilder<Builder> {

		private Builder() {
			super(DEFAULT_BASE_URL);
		}

		/**
		 * Build the client.
		 * @return the client
		 * @throws IllegalStateException when no API key was given
		 */
		public PlatformClient build() {
			String apiKey = requireApiKey();
			return new PlatformClient(buildTransport("influence-platform", (headers) -> headers.set("x-api-key", apiKey)));
		}

	}

}
