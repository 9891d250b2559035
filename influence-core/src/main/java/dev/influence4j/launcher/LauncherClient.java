package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;
import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.http.InfluenceClientBuilder;
import dev.influence4j.http.internal.ApiTransport;

/**
 * The Influence.io Launcher API, the API the loyalty widgets are built on, called from the shop's server.
 * Shop calls carry only the shop key; customer calls also carry the customer's id, lowercased email and the
 * digest this client computes with the API key. The API key itself is never sent. Thread-safe; build one per
 * application and share it.
 * <pre>{@code
 * LauncherClient launcher = LauncherClient.builder()
 *     .apiKey(System.getenv("INFLUENCE_API_KEY"))
 *     .shopKey("example-com")
 *     .build();
 * LauncherCustomerApi jane = launcher.customer(new CustomerIdentity("42", "Jane@Example.com"));
 * long balance = jane.profile().pointBalance();
 * String code = jane.redeem(redeemRuleId, null, "account page").couponCode();
 * List<RedeemRule> rewards = launcher.shop().redeemRules(null);
 * }</pre>
 * Where the client departs from Influence.io's OpenAPI document (the page token, the stamps GET, lenient
 * reading) is listed in one table of the README, "The Launcher and its OpenAPI document".
 * Failures surface as subtypes of {@link dev.influence4j.http.InfluenceApiException}. A refused customer call
 * is a {@link DigestMismatchException}; an unknown shop key on a shop call is a {@link ShopNotFoundException}.
 * Reads are retried after transient failures as the {@link dev.influence4j.http.RetrySettings} allow; calls
 * that award or spend points are retried only when they cannot have been processed.
 */
public final class LauncherClient {

	/** Influence.io's production Launcher API; endpoint paths start with {@code /v1}. */
	public static final String DEFAULT_BASE_URL = "https://launcher.api.influence.io/launcher";

	/** The query parameter that carries the next-page token unless the builder names another. */
	static final String DEFAULT_PAGE_TOKEN_PARAMETER = "nextToken";

	private final ApiTransport transport;

	private final CustomerDigest digest;

	private final String pageTokenParameter;

	private final LauncherShopApi shop;

	private LauncherClient(ApiTransport transport, CustomerDigest digest, String pageTokenParameter) {
		this.transport = transport;
		this.digest = digest;
		this.pageTokenParameter = pageTokenParameter;
		this.shop = new LauncherShopApi(transport, digest.shopKey());
	}

	/**
	 * Start configuring a client.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The shop key sent with every call.
	 * @return the shop key
	 */
	public String shopKey() {
		return this.digest.shopKey();
	}

	/**
	 * The calls made on behalf of one customer: profile, rewards, points, redeem, referrals, earn actions,
	 * stamps, upload. The customer's digest is computed here, once for the returned object.
	 * @param identity the customer
	 * @return the customer's calls
	 */
	public LauncherCustomerApi customer(CustomerIdentity identity) {
		Require.present(identity, "customer identity");
		return new LauncherCustomerApi(this.transport, shopKey(), this.pageTokenParameter, identity,
				this.digest.compute(identity));
	}

	/**
	 * The calls about the shop: settings, rules, tiers, stamp card, exclusions, loyalty-card lookup.
	 * @return the shop's calls
	 */
	public LauncherShopApi shop() {
		return this.shop;
	}

	@Override
	public String toString() {
		return "LauncherClient[shopKey=" + shopKey() + "]";
	}

	/**
	 * Configures a {@link LauncherClient}: either an API key and a shop key, or a ready {@link CustomerDigest}.
	 */
	public static final class Builder extends InfluenceClientBuilder<Builder> {

		private @Nullable String shopKey;

		private @Nullable CustomerDigest customerDigest;

		private String pageTokenParameter = DEFAULT_PAGE_TOKEN_PARAMETER;

		private Builder() {
			super(DEFAULT_BASE_URL);
		}

		/**
		 * The shop's Platform API key (Influence.io dashboard: Settings, API Settings, Platform API Settings).
		 * The Launcher client never sends it: it is only the secret of the customer digest. It is never logged
		 * or included in exception messages.
		 * @param apiKey the key
		 * @return this builder
		 */
		@Override
		public Builder apiKey(String apiKey) {
			return super.apiKey(apiKey);
		}

		/**
		 * The shop key Influence.io shows for the shop ({@code GET /v1/shop}); for stores not on Shopify a key
		 * made from the domain, such as {@code example-com}. Sent as {@code shop} with every call.
		 * @param shopKey the shop key
		 * @return this builder
		 */
		public Builder shopKey(String shopKey) {
			this.shopKey = Require.text(shopKey, "shop key");
			return this;
		}

		/**
		 * A ready digest calculator, instead of an API key and shop key; its shop key is used.
		 * @param customerDigest the calculator
		 * @return this builder
		 */
		public Builder customerDigest(CustomerDigest customerDigest) {
			this.customerDigest = Require.present(customerDigest, "customer digest");
			return this;
		}

		/**
		 * The query parameter the paged customer calls (points activity, referrals, all rewards) send the
		 * previous page's token in. Influence.io's OpenAPI document returns {@code nextToken} but defines no
		 * parameter for it; {@code nextToken} is sent unless this names another.
		 * @param name the parameter's name
		 * @return this builder
		 */
		public Builder pageTokenParameter(String name) {
			this.pageTokenParameter = Require.text(name, "page token parameter");
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 * @throws IllegalStateException when neither an API key and shop key nor a digest calculator was
		 * given, or both were
		 */
		public LauncherClient build() {
			CustomerDigest digest;
			if (this.customerDigest != null) {
				if (this.apiKey != null) {
					throw new IllegalStateException("give either an API key and a shop key or a CustomerDigest, not "
							+ "both: the CustomerDigest already holds the API key");
				}
				if (this.shopKey != null && !this.shopKey.equals(this.customerDigest.shopKey())) {
					throw new IllegalStateException("the shop key '" + this.shopKey
							+ "' differs from the CustomerDigest's shop key '" + this.customerDigest.shopKey() + "'");
				}
				digest = this.customerDigest;
			}
			else {
				if (this.apiKey == null) {
					throw new IllegalStateException("an API key is required: call apiKey(...) with the shop's Platform "
							+ "API key (the digest's secret), or customerDigest(...)");
				}
				if (this.shopKey == null) {
					throw new IllegalStateException("a shop key is required: call shopKey(...) with the shop key "
							+ "Influence.io shows for the shop, or customerDigest(...)");
				}
				digest = CustomerDigest.of(this.apiKey, this.shopKey);
			}
			// No authentication header: the Launcher authenticates customers by digest, and the API key must
			// never leave the server.
			return new LauncherClient(buildTransport("influence-launcher", (headers) -> {
			}), digest, this.pageTokenParameter);
		}

	}

}
