package dev.influence4j.launcher;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.http.CursorPage;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceClientBuilder;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.internal.ApiRequest;
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
 * CustomerIdentity jane = new CustomerIdentity("42", "Jane@Example.com");
 * long balance = launcher.customer(jane).pointBalance();
 * String code = launcher.redeem(jane, redeemRuleId, null, "account page").couponCode();
 * }</pre>
 * Failures surface as subtypes of {@link dev.influence4j.http.InfluenceApiException}. A refused customer call
 * is a {@link DigestMismatchException}; an unknown shop key on a shop call is a {@link ShopNotFoundException}.
 * Reads are retried after transient failures as the {@link dev.influence4j.http.RetrySettings} allow; calls
 * that award or spend points are retried only when they cannot have been processed.
 */
public final class LauncherClient {

	/** Influence.io's production Launcher API; endpoint paths start with {@code /v1}. */
	public static final String DEFAULT_BASE_URL = "https://launcher.api.influence.io/launcher";

	private final ApiTransport transport;

	private final CustomerDigest digest;

	private LauncherClient(ApiTransport transport, CustomerDigest digest) {
		this.transport = transport;
		this.digest = digest;
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

	// Customer endpoints

	/**
	 * The customer's loyalty profile: balance, tier progress, referral link ({@code GET /v1/customer}).
	 * @param identity the customer
	 * @return the profile
	 * @throws DigestMismatchException when Influence.io does not accept the customer
	 */
	public LauncherCustomer customer(CustomerIdentity identity) {
		JsonNode body = callForCustomer(customerQuery(LauncherEndpoint.CUSTOMER_GET, identity), identity);
		return this.transport.readEnvelopedOrBare(body, "customer", LauncherCustomer.class,
				LauncherEndpoint.CUSTOMER_GET.operation());
	}

	/**
	 * One page of the customer's active rewards (issued coupon codes) ({@code GET /v1/customer/all-rewards}).
	 * @param identity the customer
	 * @param filter which rewards
	 * @param nextToken the {@link CursorPage#nextCursor()} of the previous page, or {@code null} for the first
	 * @return the page; Influence.io sends its next-page token as a number or as text, both are accepted
	 */
	public CursorPage<Reward> allRewards(CustomerIdentity identity, RewardFilter filter, @Nullable String nextToken) {
		Require.present(filter, "reward filter");
		ApiRequest request = customerQuery(LauncherEndpoint.CUSTOMER_REWARDS_LIST, identity)
			.withQuery("type", (filter.source() != null) ? filter.source().wireName() : null)
			.withQuery("reward_type", (filter.rewardType() != null) ? filter.rewardType().wireName() : null)
			.withQuery("nextToken", nextToken);
		return page(callForCustomer(request, identity), Reward.class, LauncherEndpoint.CUSTOMER_REWARDS_LIST);
	}

	/**
	 * All of the customer's active rewards, as a lazy stream that fetches pages as it is consumed.
	 * @param identity the customer
	 * @param filter which rewards
	 * @return the rewards
	 */
	public Stream<Reward> streamAllRewards(CustomerIdentity identity, RewardFilter filter) {
		Require.present(identity, "customer identity");
		Require.present(filter, "reward filter");
		return CursorPage.stream(LauncherEndpoint.CUSTOMER_REWARDS_LIST.operation(),
				(token) -> allRewards(identity, filter, token));
	}

	/**
	 * How many active rewards the customer has ({@code GET /v1/customer/all-rewards/count}).
	 * @param identity the customer
	 * @param filter which rewards
	 * @return the count
	 */
	public long countRewards(CustomerIdentity identity, RewardFilter filter) {
		Require.present(filter, "reward filter");
		ApiRequest request = customerQuery(LauncherEndpoint.CUSTOMER_REWARDS_COUNT, identity)
			.withQuery("type", (filter.source() != null) ? filter.source().wireName() : null)
			.withQuery("reward_type", (filter.rewardType() != null) ? filter.rewardType().wireName() : null);
		JsonNode count = callForCustomer(request, identity).path("count");
		if (count.isIntegralNumber()) {
			return count.asLong();
		}
		if (count.isString() && count.asString().matches("\\d{1,18}")) {
			return Long.parseLong(count.asString());
		}
		throw new InfluenceResponseException(LauncherEndpoint.CUSTOMER_REWARDS_COUNT.operation(), 200,
				"expected a whole number in field 'count'", null);
	}

	/**
	 * Check the customer's digest and read the profile ({@code POST /v1/customer/auth}).
	 * @param identity the customer
	 * @return the profile
	 * @deprecated Influence.io deprecated this endpoint; use {@link #customer(CustomerIdentity)}
	 */
	@Deprecated
	public LauncherCustomer authenticate(CustomerIdentity identity) {
		JsonNode body = callForCustomer(customerBody(LauncherEndpoint.CUSTOMER_AUTH, identity, Map.of()), identity);
		return this.transport.readEnvelopedOrBare(body, "customer", LauncherCustomer.class,
				LauncherEndpoint.CUSTOMER_AUTH.operation());
	}

	/**
	 * Set the customer's birthday, which birthday earn rules use ({@code PUT /v1/customer/birthday}).
	 * @param identity the customer
	 * @param day day of the month, 1 to 31 (and existing in that month; 29 February is allowed)
	 * @param month month, 1 to 12
	 * @return whether Influence.io reported success
	 */
	public boolean updateBirthday(CustomerIdentity identity, int day, int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("birthday month must be between 1 and 12 but was " + month);
		}
		if (day < 1 || day > 31) {
			throw new IllegalArgumentException("birthday day must be between 1 and 31 but was " + day);
		}
		try {
			MonthDay.of(month, day);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("birthday day " + day + " does not exist in month " + month);
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("birthdayDay", day);
		fields.put("birthdayMonth", month);
		JsonNode body = callForCustomer(customerBody(LauncherEndpoint.CUSTOMER_BIRTHDAY_UPDATE, identity, fields),
				identity);
		return body.path("success").asBoolean(false);
	}

	/**
	 * Action a landing-page earn rule for the customer, awarding its points
	 * ({@code POST /v1/customer/dynamic-link}). Not retried after a failure whose outcome is unknown.
	 * @param identity the customer
	 * @param earnRuleId the landing-page earn rule's id
	 * @return the points awarded and the new balance
	 */
	public EarnActionResult actionLandingPage(CustomerIdentity identity, String earnRuleId) {
		return earnAction(LauncherEndpoint.CUSTOMER_DYNAMIC_LINK, identity, earnRuleId);
	}

	/**
	 * Find the customer a loyalty card belongs to ({@code GET /v1/customer/loyalty-card-lookup}). Needs no
	 * digest: the answer holds nothing sensitive.
	 * @param lookupKey the data encoded in the card's barcode or QR code
	 * @return the card holder, or empty when no customer has that card (404)
	 */
	public Optional<LoyaltyCardHolder> loyaltyCardLookup(String lookupKey) {
		Require.text(lookupKey, "loyalty card lookup key");
		ApiRequest request = ApiRequest.to(LauncherEndpoint.CUSTOMER_LOYALTY_CARD_LOOKUP)
			.withQuery("lookup_key", lookupKey)
			.withQuery("shop", shopKey());
		return this.transport.find(request,
				(body) -> this.transport.read(body, LoyaltyCardHolder.class, LauncherEndpoint.CUSTOMER_LOYALTY_CARD_LOOKUP.operation()));
	}

	/**
	 * One page of the customer's points history ({@code GET /v1/customer/points}).
	 * @param identity the customer
	 * @param nextToken the {@link CursorPage#nextCursor()} of the previous page, or {@code null} for the first
	 * @return the page
	 */
	public CursorPage<PointActivity> pointsActivity(CustomerIdentity identity, @Nullable String nextToken) {
		ApiRequest request = customerQuery(LauncherEndpoint.CUSTOMER_POINTS_LIST, identity)
			.withQuery("nextToken", nextToken);
		return page(callForCustomer(request, identity), PointActivity.class, LauncherEndpoint.CUSTOMER_POINTS_LIST);
	}

	/**
	 * The customer's whole points history, as a lazy stream that fetches pages as it is consumed.
	 * @param identity the customer
	 * @return the activity, in Influence.io's order
	 */
	public Stream<PointActivity> streamPointsActivity(CustomerIdentity identity) {
		Require.present(identity, "customer identity");
		return CursorPage.stream(LauncherEndpoint.CUSTOMER_POINTS_LIST.operation(),
				(token) -> pointsActivity(identity, token));
	}

	/**
	 * Spend the customer's points on a redeem rule ({@code POST /v1/customer/redeem}). Influence.io issues a
	 * coupon code and sends the {@code points/redeemed} webhook. Never repeated after a failure whose outcome
	 * is unknown (a timeout or 5xx): the points may already be spent, so check
	 * {@link #allRewards(CustomerIdentity, RewardFilter, String)} before trying again.
	 * @param identity the customer
	 * @param redeemRuleId the redeem rule's id
	 * @param points how many points to spend, for increment rules only; {@code null} for fixed-cost rules
	 * @param redemptionSource free text saying where the customer redeemed (sent as {@code redemptionSource},
	 * a field live clients send but the OpenAPI document does not list), or {@code null}
	 * @return the coupon code issued
	 */
	public Redemption redeem(CustomerIdentity identity, String redeemRuleId, @Nullable Long points,
			@Nullable String redemptionSource) {
		Require.text(redeemRuleId, "redeem rule id");
		if (points != null) {
			Require.notNegative(points, "points to redeem");
		}
		if (redemptionSource != null) {
			Require.text(redemptionSource, "redemption source");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ruleId", redeemRuleId);
		if (points != null) {
			fields.put("points", points);
		}
		if (redemptionSource != null) {
			fields.put("redemptionSource", redemptionSource);
		}
		JsonNode body = callForCustomer(customerBody(LauncherEndpoint.CUSTOMER_REDEEM, identity, fields), identity);
		return this.transport.read(body, Redemption.class, LauncherEndpoint.CUSTOMER_REDEEM.operation());
	}

	/**
	 * One page of the customer's referral activity ({@code GET /v1/customer/referrals}).
	 * @param identity the customer (the referrer)
	 * @param status only referrals in this state, or {@code null} for all
	 * @param nextToken the {@link CursorPage#nextCursor()} of the previous page, or {@code null} for the first
	 * @return the page
	 */
	public CursorPage<PointActivity> referrals(CustomerIdentity identity, @Nullable ReferralStatus status,
			@Nullable String nextToken) {
		ApiRequest request = customerQuery(LauncherEndpoint.CUSTOMER_REFERRALS_LIST, identity)
			.withQuery("status", (status != null) ? status.wireName() : null)
			.withQuery("nextToken", nextToken);
		return page(callForCustomer(request, identity), PointActivity.class,
				LauncherEndpoint.CUSTOMER_REFERRALS_LIST);
	}

	/**
	 * All of the customer's referral activity, as a lazy stream that fetches pages as it is consumed.
	 * @param identity the customer (the referrer)
	 * @param status only referrals in this state, or {@code null} for all
	 * @return the activity
	 */
	public Stream<PointActivity> streamReferrals(CustomerIdentity identity, @Nullable ReferralStatus status) {
		Require.present(identity, "customer identity");
		return CursorPage.stream(LauncherEndpoint.CUSTOMER_REFERRALS_LIST.operation(),
				(token) -> referrals(identity, status, token));
	}

	/**
	 * Action a social earn rule (follow, like, share) for the customer, awarding its points
	 * ({@code POST /v1/customer/social}). Not retried after a failure whose outcome is unknown.
	 * @param identity the customer
	 * @param earnRuleId the social earn rule's id
	 * @return the points awarded, the new balance and the social action recorded
	 */
	public EarnActionResult actionSocial(CustomerIdentity identity, String earnRuleId) {
		return earnAction(LauncherEndpoint.CUSTOMER_SOCIAL, identity, earnRuleId);
	}

	/**
	 * The customer's stamp cards ({@code GET /v1/customer/stamps}).
	 * <p>
	 * Provisional: the OpenAPI document puts the customer, shop, digest and {@code ruleId} in the body of
	 * this GET, which HTTP clients and proxies commonly drop. They are sent as query parameters like every
	 * other Launcher GET, the rule id as {@code rule_id}; if Influence.io turns out to read them elsewhere,
	 * this method changes, not its callers.
	 * @param identity the customer
	 * @param stampRuleId only this stamp card rule, or {@code null} for all
	 * @return the stamp cards
	 */
	public CustomerStamps stamps(CustomerIdentity identity, @Nullable String stampRuleId) {
		if (stampRuleId != null) {
			Require.text(stampRuleId, "stamp rule id");
		}
		ApiRequest request = customerQuery(LauncherEndpoint.CUSTOMER_STAMPS_GET, identity)
			.withQuery("rule_id", stampRuleId);
		JsonNode body = callForCustomer(request, identity);
		return this.transport.read(body, CustomerStamps.class, LauncherEndpoint.CUSTOMER_STAMPS_GET.operation());
	}

	/**
	 * Start an "upload a file" earn rule for the customer ({@code POST /v1/customer/upload-file}): Influence.io
	 * records the activity and answers with a presigned URL, to which the file's bytes are then sent with
	 * {@code PUT} and the same MIME type. Not retried after a failure whose outcome is unknown.
	 * @param identity the customer
	 * @param earnRuleId the upload earn rule's id
	 * @param filename the file's name, for example {@code receipt.jpg}
	 * @param mimeType the file's MIME type (RFC 6838), for example {@code image/jpeg}
	 * @return where to upload the file
	 */
	public FileUpload uploadFile(CustomerIdentity identity, String earnRuleId, String filename, String mimeType) {
		Require.text(earnRuleId, "earn rule id");
		Require.text(filename, "file name");
		Require.text(mimeType, "MIME type");
		if (!mimeType.matches("[^/\\s]+/[^/\\s]+")) {
			throw new IllegalArgumentException(
					"MIME type must look like type/subtype, for example image/jpeg, but was '" + mimeType + "'");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("earnRuleId", earnRuleId);
		fields.put("filename", filename);
		fields.put("mimeType", mimeType);
		JsonNode body = callForCustomer(customerBody(LauncherEndpoint.CUSTOMER_UPLOAD_FILE, identity, fields),
				identity);
		return this.transport.read(body, FileUpload.class, LauncherEndpoint.CUSTOMER_UPLOAD_FILE.operation());
	}

	// Shop endpoints

	/**
	 * The shop's loyalty settings ({@code GET /v1/shop}); also the cheapest check of the shop key.
	 * @return the shop
	 * @throws ShopNotFoundException when Influence.io knows no shop with the shop key
	 */
	public Shop shop() {
		JsonNode body = callForShop(shopRequest(LauncherEndpoint.SHOP_GET));
		return this.transport.readEnvelopedOrBare(body, "shop", Shop.class, LauncherEndpoint.SHOP_GET.operation());
	}

	/**
	 * The shop's earn rules ({@code GET /v1/shop/rules/earn}).
	 * @return the rules, empty when the shop has none
	 */
	public List<EarnRule> earnRules() {
		return rules(callForShop(shopRequest(LauncherEndpoint.SHOP_EARN_RULES)), EarnRule.class,
				LauncherEndpoint.SHOP_EARN_RULES);
	}

	/**
	 * The products an earn rule excludes ({@code GET /v1/shop/rules/earn/{id}/exclusions/product}).
	 * @param earnRuleId the earn rule's id
	 * @return the products
	 */
	public List<LauncherProduct> earnRuleProductExclusions(String earnRuleId) {
		return exclusions(LauncherEndpoint.SHOP_EARN_RULE_PRODUCT_EXCLUSIONS, earnRuleId, LauncherProduct.class);
	}

	/**
	 * The product variants an earn rule excludes ({@code GET /v1/shop/rules/earn/{id}/exclusions/variant}).
	 * @param earnRuleId the earn rule's id
	 * @return the variants
	 */
	public List<LauncherProductVariant> earnRuleVariantExclusions(String earnRuleId) {
		return exclusions(LauncherEndpoint.SHOP_EARN_RULE_VARIANT_EXCLUSIONS, earnRuleId,
				LauncherProductVariant.class);
	}

	/**
	 * The shop's redeem rules: what points buy ({@code GET /v1/shop/rules/redeem}).
	 * @param rewardType only rules of this kind, or {@code null} for all
	 * @return the rules, empty when the shop has none
	 */
	public List<RedeemRule> redeemRules(@Nullable RewardType rewardType) {
		ApiRequest request = shopRequest(LauncherEndpoint.SHOP_REDEEM_RULES)
			.withQuery("reward_type", (rewardType != null) ? rewardType.wireName() : null);
		return rules(callForShop(request), RedeemRule.class, LauncherEndpoint.SHOP_REDEEM_RULES);
	}

	/**
	 * The shop's referral rules ({@code GET /v1/shop/rules/referral}).
	 * @return the rules, empty when the shop has none
	 */
	public List<ReferralRule> referralRules() {
		return rules(callForShop(shopRequest(LauncherEndpoint.SHOP_REFERRAL_RULES)), ReferralRule.class,
				LauncherEndpoint.SHOP_REFERRAL_RULES);
	}

	/**
	 * The shop's loyalty tiers ({@code GET /v1/shop/tiers}).
	 * @return the tiers, empty when the shop has none
	 */
	public List<LoyaltyTier> tiers() {
		// The list comes under "rules", like the rule endpoints, not under "tiers".
		return rules(callForShop(shopRequest(LauncherEndpoint.SHOP_TIERS_LIST)), LoyaltyTier.class,
				LauncherEndpoint.SHOP_TIERS_LIST);
	}

	/**
	 * One loyalty tier ({@code GET /v1/shop/tiers/{id}}).
	 * @param tierId the tier's id
	 * @return the tier, or empty when the shop has no such tier
	 * @throws ShopNotFoundException when Influence.io says the shop itself is unknown
	 */
	public Optional<LoyaltyTier> tier(String tierId) {
		Require.text(tierId, "tier id");
		ApiRequest request = shopRequest(LauncherEndpoint.SHOP_TIER_GET).withPath("id", tierId);
		try {
			JsonNode body = this.transport.call(request);
			return Optional.of(this.transport.readEnvelopedOrBare(body, "tier", LoyaltyTier.class,
					LauncherEndpoint.SHOP_TIER_GET.operation()));
		}
		catch (InfluenceNotFoundException ex) {
			// The same status answers "Tier not found" and "Shop not found with shopKey"; only the latter is
			// a configuration problem worth an exception.
			if (mentionsShop(ex)) {
				throw new ShopNotFoundException(ex.operation(), shopKey(), ex.vendorMessage());
			}
			return Optional.empty();
		}
	}

	/**
	 * The shop's stamp card and its rewards ({@code GET /v1/shop/stamp-card}).
	 * @return the stamp card
	 */
	public StampCard stampCard() {
		JsonNode body = callForShop(shopRequest(LauncherEndpoint.SHOP_STAMP_CARD));
		return this.transport.read(body, StampCard.class, LauncherEndpoint.SHOP_STAMP_CARD.operation());
	}

	@Override
	public String toString() {
		return "LauncherClient[shopKey=" + shopKey() + "]";
	}

	private ApiRequest customerQuery(LauncherEndpoint endpoint, CustomerIdentity identity) {
		Require.present(identity, "customer identity");
		return ApiRequest.to(endpoint)
			.withQuery("shop", shopKey())
			.withQuery("customer_id", identity.id())
			.withQuery("customer_email", identity.normalizedEmail())
			.withQuery("digest", this.digest.compute(identity));
	}

	private ApiRequest customerBody(LauncherEndpoint endpoint, CustomerIdentity identity, Map<String, Object> fields) {
		Require.present(identity, "customer identity");
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("id", identity.id());
		customer.put("email", identity.normalizedEmail());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customer", customer);
		body.put("shop", shopKey());
		body.put("digest", this.digest.compute(identity));
		body.putAll(fields);
		return ApiRequest.to(endpoint).withBody(body);
	}

	private ApiRequest shopRequest(LauncherEndpoint endpoint) {
		return ApiRequest.to(endpoint).withQuery("shop", shopKey());
	}

	private EarnActionResult earnAction(LauncherEndpoint endpoint, CustomerIdentity identity, String earnRuleId) {
		Require.text(earnRuleId, "earn rule id");
		JsonNode body = callForCustomer(customerBody(endpoint, identity, Map.of("ruleId", earnRuleId)), identity);
		return this.transport.read(body, EarnActionResult.class, endpoint.operation());
	}

	private JsonNode callForCustomer(ApiRequest request, CustomerIdentity identity) {
		try {
			return this.transport.call(request);
		}
		catch (InfluenceAuthenticationException ex) {
			if (ex.status() != 401 || ex instanceof DigestMismatchException) {
				throw ex;
			}
			throw new DigestMismatchException(ex.operation(), withoutCustomerSecrets(ex.vendorMessage(), identity));
		}
	}

	/**
	 * The vendor's message, unless it echoes the customer's email or digest: the exception travels to logs.
	 */
	private @Nullable String withoutCustomerSecrets(@Nullable String vendorMessage, CustomerIdentity identity) {
		if (vendorMessage == null) {
			return null;
		}
		String lowercase = vendorMessage.toLowerCase(Locale.ROOT);
		if (lowercase.contains(identity.normalizedEmail()) || lowercase.contains(this.digest.compute(identity))) {
			return null;
		}
		return vendorMessage;
	}

	private JsonNode callForShop(ApiRequest request) {
		try {
			return this.transport.call(request);
		}
		catch (InfluenceNotFoundException ex) {
			if (ex instanceof ShopNotFoundException) {
				throw ex;
			}
			throw new ShopNotFoundException(ex.operation(), shopKey(), ex.vendorMessage());
		}
	}

	private <T> List<T> exclusions(LauncherEndpoint endpoint, String earnRuleId, Class<T> type) {
		Require.text(earnRuleId, "earn rule id");
		ApiRequest request = shopRequest(endpoint).withPath("id", earnRuleId);
		JsonNode body;
		try {
			body = this.transport.call(request);
		}
		catch (InfluenceNotFoundException ex) {
			// Influence.io documents one 404 here, for an unknown shop; a 404 that names something else (an
			// unknown earn rule) is passed on as it is.
			if (ex.vendorMessage() == null || mentionsShop(ex)) {
				throw new ShopNotFoundException(ex.operation(), shopKey(), ex.vendorMessage());
			}
			throw ex;
		}
		if (!body.isArray()) {
			throw new InfluenceResponseException(endpoint.operation(), 200, "expected an array", null);
		}
		List<T> items = new ArrayList<>(body.size());
		for (int i = 0; i < body.size(); i++) {
			try {
				items.add(this.transport.read(body.get(i), type, endpoint.operation()));
			}
			catch (InfluenceResponseException ex) {
				throw new InfluenceResponseException(endpoint.operation(), 200, "item " + i + ": " + ex.getMessage(),
						ex);
			}
		}
		return List.copyOf(items);
	}

	private <T> List<T> rules(JsonNode body, Class<T> type, LauncherEndpoint endpoint) {
		// A shop without rules may well leave the field out; that is an empty list, not a broken answer.
		JsonNode rules = body.path("rules");
		if (rules.isMissingNode() || rules.isNull()) {
			return List.of();
		}
		return this.transport.readPage(body, "rules", type, endpoint.operation()).items();
	}

	private <T> CursorPage<T> page(JsonNode body, Class<T> type, LauncherEndpoint endpoint) {
		JsonNode items = body.path("items");
		if (items.isMissingNode() || items.isNull()) {
			return new CursorPage<>(List.of(), null);
		}
		return this.transport.readPage(body, "items", type, endpoint.operation(), "nextToken");
	}

	private static boolean mentionsShop(InfluenceNotFoundException ex) {
		String vendorMessage = ex.vendorMessage();
		return vendorMessage != null && vendorMessage.toLowerCase(Locale.ROOT).contains("shop");
	}

	/**
	 * Configures a {@link LauncherClient}: either an API key and a shop key, or a ready {@link CustomerDigest}.
	 */
	public static final class Builder extends InfluenceClientBuilder<Builder> {

		private @Nullable String shopKey;

		private @Nullable CustomerDigest customerDigest;

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
			}), digest);
		}

	}

}
