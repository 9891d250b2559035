package dev.influence4j.launcher;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.http.CursorPage;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * The Launcher calls made on behalf of one customer, from {@link LauncherClient#customer(CustomerIdentity)}.
 * Each call carries the customer's id, lowercased email and digest, computed once when this object was made.
 * Thread-safe; cheap enough to make per request. A call Influence.io refuses for the customer throws a
 * {@link DigestMismatchException}.
 */
public final class LauncherCustomerApi {

	private final ApiTransport transport;

	private final String shopKey;

	private final String pageTokenParameter;

	private final CustomerIdentity identity;

	private final String digest;

	LauncherCustomerApi(ApiTransport transport, String shopKey, String pageTokenParameter, CustomerIdentity identity,
			String digest) {
		this.transport = transport;
		this.shopKey = shopKey;
		this.pageTokenParameter = pageTokenParameter;
		this.identity = identity;
		this.digest = digest;
	}

	/**
	 * The customer's loyalty profile: balance, tier progress, referral link ({@code GET /v1/customer}).
	 * @return the profile
	 * @throws DigestMismatchException when Influence.io does not accept the customer
	 */
	public LauncherCustomer profile() {
		JsonNode body = call(query(LauncherEndpoint.CUSTOMER_GET));
		return this.transport.readEnvelopedOrBare(body, "customer", LauncherCustomer.class,
				LauncherEndpoint.CUSTOMER_GET.operation());
	}

	/**
	 * Check the customer's digest and read the profile ({@code POST /v1/customer/auth}).
	 * @return the profile
	 * @deprecated Influence.io deprecated this endpoint; use {@link #profile()}
	 */
	@Deprecated
	public LauncherCustomer authenticate() {
		JsonNode body = call(body(LauncherEndpoint.CUSTOMER_AUTH, Map.of()));
		return this.transport.readEnvelopedOrBare(body, "customer", LauncherCustomer.class,
				LauncherEndpoint.CUSTOMER_AUTH.operation());
	}

	/**
	 * One page of the customer's active rewards (issued coupon codes) ({@code GET /v1/customer/all-rewards}).
	 * @param filter which rewards
	 * @param nextToken the {@link CursorPage#nextCursor()} of the previous page, or {@code null} for the first
	 * @return the page; Influence.io sends its next-page token as a number or as text, both are accepted
	 */
	public CursorPage<Reward> allRewards(RewardFilter filter, @Nullable String nextToken) {
		return page(rewardsQuery(LauncherEndpoint.CUSTOMER_REWARDS_LIST, filter), nextToken, Reward.class);
	}

	/**
	 * All of the customer's active rewards, as a lazy stream that fetches pages as it is consumed.
	 * @param filter which rewards
	 * @return the rewards
	 */
	public Stream<Reward> streamAllRewards(RewardFilter filter) {
		return stream(rewardsQuery(LauncherEndpoint.CUSTOMER_REWARDS_LIST, filter), Reward.class);
	}

	/**
	 * How many active rewards the customer has ({@code GET /v1/customer/all-rewards/count}).
	 * @param filter which rewards
	 * @return the count
	 */
	public long countRewards(RewardFilter filter) {
		JsonNode count = call(rewardsQuery(LauncherEndpoint.CUSTOMER_REWARDS_COUNT, filter)).path("count");
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
	 * Set the customer's birthday, which birthday earn rules use ({@code PUT /v1/customer/birthday}).
	 * @param day day of the month, 1 to 31 (and existing in that month; 29 February is allowed)
	 * @param month month, 1 to 12
	 * @return whether Influence.io reported success
	 */
	public boolean updateBirthday(int day, int month) {
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
		return call(body(LauncherEndpoint.CUSTOMER_BIRTHDAY_UPDATE, fields)).path("success").asBoolean(false);
	}

	/**
	 * Action a landing-page earn rule for the customer, awarding its points
	 * ({@code POST /v1/customer/dynamic-link}). Not retried after a failure whose outcome is unknown.
	 * @param earnRuleId the landing-page earn rule's id
	 * @return the points awarded and the new balance
	 */
	public EarnActionResult actionLandingPage(String earnRuleId) {
		return earnAction(LauncherEndpoint.CUSTOMER_DYNAMIC_LINK, earnRuleId);
	}

	/**
	 * One page of the customer's points history ({@code GET /v1/customer/points}).
	 * @param nextToken the {@link CursorPage#nextCursor()} of the previous page, or {@code null} for the first
	 * @return the page
	 */
	public CursorPage<PointActivity> pointsActivity(@Nullable String nextToken) {
		return page(query(LauncherEndpoint.CUSTOMER_POINTS_LIST), nextToken, PointActivity.class);
	}

	/**
	 * The customer's whole points history, as a lazy stream that fetches pages as it is consumed.
	 * @return the activity, in Influence.io's order
	 */
	public Stream<PointActivity> streamPointsActivity() {
		return stream(query(LauncherEndpoint.CUSTOMER_POINTS_LIST), PointActivity.class);
	}

	/**
	 * Spend the customer's points on a redeem rule ({@code POST /v1/customer/redeem}). Influence.io issues a
	 * coupon code and sends the {@code points/redeemed} webhook. Never repeated after a failure whose outcome
	 * is unknown (a timeout or 5xx): the points may already be spent, so check
	 * {@link #allRewards(RewardFilter, String)} before trying again.
	 * @param redeemRuleId the redeem rule's id
	 * @param points how many points to spend, for increment rules only; {@code null} for fixed-cost rules
	 * @param redemptionSource free text saying where the customer redeemed (sent as {@code redemptionSource},
	 * a field live clients send but the OpenAPI document does not list), or {@code null}
	 * @return the coupon code issued
	 */
	public Redemption redeem(String redeemRuleId, @Nullable Long points, @Nullable String redemptionSource) {
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
		JsonNode body = call(body(LauncherEndpoint.CUSTOMER_REDEEM, fields));
		return this.transport.read(body, Redemption.class, LauncherEndpoint.CUSTOMER_REDEEM.operation());
	}

	/**
	 * One page of the customer's referral activity ({@code GET /v1/customer/referrals}).
	 * @param status only referrals in this state, or {@code null} for all
	 * @param nextToken the {@link CursorPage#nextCursor()} of the previous page, or {@code null} for the first
	 * @return the page
	 */
	public CursorPage<PointActivity> referrals(@Nullable ReferralStatus status, @Nullable String nextToken) {
		return page(referralsQuery(status), nextToken, PointActivity.class);
	}

	/**
	 * All of the customer's referral activity, as a lazy stream that fetches pages as it is consumed.
	 * @param status only referrals in this state, or {@code null} for all
	 * @return the activity
	 */
	public Stream<PointActivity> streamReferrals(@Nullable ReferralStatus status) {
		return stream(referralsQuery(status), PointActivity.class);
	}

	/**
	 * Action a social earn rule (follow, like, share) for the customer, awarding its points
	 * ({@code POST /v1/customer/social}). Not retried after a failure whose outcome is unknown.
	 * @param earnRuleId the social earn rule's id
	 * @return the points awarded, the new balance and the social action recorded
	 */
	public EarnActionResult actionSocial(String earnRuleId) {
		return earnAction(LauncherEndpoint.CUSTOMER_SOCIAL, earnRuleId);
	}

	/**
	 * The customer's stamp cards ({@code GET /v1/customer/stamps}).
	 * <p>
	 * Provisional: the OpenAPI document puts the customer, shop, digest and {@code ruleId} in the body of
	 * this GET, which HTTP clients and proxies commonly drop. They are sent as query parameters like every
	 * other Launcher GET, the rule id as {@code rule_id}; if Influence.io turns out to read them elsewhere,
	 * this method changes, not its callers.
	 * @param stampRuleId only this stamp card rule, or {@code null} for all
	 * @return the stamp cards
	 */
	public CustomerStamps stamps(@Nullable String stampRuleId) {
		if (stampRuleId != null) {
			Require.text(stampRuleId, "stamp rule id");
		}
		JsonNode body = call(query(LauncherEndpoint.CUSTOMER_STAMPS_GET).withQuery("rule_id", stampRuleId));
		return this.transport.read(body, CustomerStamps.class, LauncherEndpoint.CUSTOMER_STAMPS_GET.operation());
	}

	/**
	 * Start an "upload a file" earn rule for the customer ({@code POST /v1/customer/upload-file}): Influence.io
	 * records the activity and answers with a presigned URL, to which the file's bytes are then sent with
	 * {@code PUT} and the same MIME type. Not retried after a failure whose outcome is unknown.
	 * @param earnRuleId the upload earn rule's id
	 * @param filename the file's name, for example {@code receipt.jpg}
	 * @param mimeType the file's MIME type (RFC 6838), for example {@code image/jpeg}
	 * @return where to upload the file
	 */
	public FileUpload uploadFile(String earnRuleId, String filename, String mimeType) {
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
		JsonNode body = call(body(LauncherEndpoint.CUSTOMER_UPLOAD_FILE, fields));
		return this.transport.read(body, FileUpload.class, LauncherEndpoint.CUSTOMER_UPLOAD_FILE.operation());
	}

	@Override
	public String toString() {
		// Neither the email nor the digest: this object ends up in logs and debuggers.
		return "LauncherCustomerApi[shopKey=" + this.shopKey + "]";
	}

	private ApiRequest query(LauncherEndpoint endpoint) {
		return ApiRequest.to(endpoint)
			.withQuery("shop", this.shopKey)
			.withQuery("customer_id", this.identity.id())
			.withQuery("customer_email", this.identity.normalizedEmail())
			.withQuery("digest", this.digest);
	}

	private ApiRequest rewardsQuery(LauncherEndpoint endpoint, RewardFilter filter) {
		Require.present(filter, "reward filter");
		return query(endpoint)
			.withQuery("type", (filter.source() != null) ? filter.source().wireName() : null)
			.withQuery("reward_type", (filter.rewardType() != null) ? filter.rewardType().wireName() : null);
	}

	private ApiRequest referralsQuery(@Nullable ReferralStatus status) {
		return query(LauncherEndpoint.CUSTOMER_REFERRALS_LIST)
			.withQuery("status", (status != null) ? status.wireName() : null);
	}

	private ApiRequest body(LauncherEndpoint endpoint, Map<String, Object> fields) {
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("id", this.identity.id());
		customer.put("email", this.identity.normalizedEmail());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customer", customer);
		body.put("shop", this.shopKey);
		body.put("digest", this.digest);
		body.putAll(fields);
		return ApiRequest.to(endpoint).withBody(body);
	}

	private EarnActionResult earnAction(LauncherEndpoint endpoint, String earnRuleId) {
		Require.text(earnRuleId, "earn rule id");
		JsonNode body = call(body(endpoint, Map.of("ruleId", earnRuleId)));
		return this.transport.read(body, EarnActionResult.class, endpoint.operation());
	}

	/**
	 * The one paging loop of the Launcher: every paged call is its first request plus the token of the page
	 * before, read leniently (see {@link Lenient#page}).
	 */
	private <T> CursorPage<T> page(ApiRequest first, @Nullable String nextToken, Class<T> type) {
		JsonNode body = call(first.withQuery(this.pageTokenParameter, nextToken));
		return Lenient.page(this.transport, body, type, first.endpoint().operation());
	}

	private <T> Stream<T> stream(ApiRequest first, Class<T> type) {
		return CursorPage.stream(first.endpoint().operation(), (token) -> page(first, token, type));
	}

	private JsonNode call(ApiRequest request) {
		try {
			return this.transport.call(request);
		}
		catch (InfluenceAuthenticationException ex) {
			if (ex.status() != 401 || ex instanceof DigestMismatchException) {
				throw ex;
			}
			throw new DigestMismatchException(ex.operation(), withoutCustomerSecrets(ex.vendorMessage()));
		}
	}

	/**
	 * The vendor's message, unless it echoes the customer's email or digest: the exception travels to logs.
	 */
	private @Nullable String withoutCustomerSecrets(@Nullable String vendorMessage) {
		if (vendorMessage == null) {
			return null;
		}
		String lowercase = vendorMessage.toLowerCase(Locale.ROOT);
		if (lowercase.contains(this.identity.normalizedEmail()) || lowercase.contains(this.digest)) {
			return null;
		}
		return vendorMessage;
	}

}
