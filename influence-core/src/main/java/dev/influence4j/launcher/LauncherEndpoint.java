package dev.influence4j.launcher;

import org.springframework.http.HttpMethod;

import dev.influence4j.http.ApiEndpoint;
import dev.influence4j.http.EndpointDefinition;
import dev.influence4j.http.Provenance;

/**
 * Every Launcher API endpoint, declared once: method, default path (relative to
 * {@link LauncherClient#DEFAULT_BASE_URL}), idempotency, and whether the call is made on behalf of a
 * customer (and so carries a digest). All 22 come from Influence.io's Launcher OpenAPI document.
 */
public enum LauncherEndpoint implements ApiEndpoint {

	/** The customer's profile. */
	CUSTOMER_GET("launcher.customer.get", HttpMethod.GET, "/v1/customer", true, true),

	/** The customer's active rewards (issued coupon codes), paged. */
	CUSTOMER_REWARDS_LIST("launcher.customer.rewards.list", HttpMethod.GET, "/v1/customer/all-rewards", true, true),

	/** How many active rewards the customer has. */
	CUSTOMER_REWARDS_COUNT("launcher.customer.rewards.count", HttpMethod.GET, "/v1/customer/all-rewards/count", true,
			true),

	/** Check a digest and read the profile; deprecated by Influence.io in favour of {@link #CUSTOMER_GET}. */
	CUSTOMER_AUTH("launcher.customer.auth", HttpMethod.POST, "/v1/customer/auth", true, true),

	/** Set the customer's birthday; setting the same date twice changes nothing. */
	CUSTOMER_BIRTHDAY_UPDATE("launcher.customer.birthday.update", HttpMethod.PUT, "/v1/customer/birthday", true, true),

	/** Action a landing-page ("dynamic link") earn rule; awards points, so not idempotent. */
	CUSTOMER_DYNAMIC_LINK("launcher.customer.dynamicLink", HttpMethod.POST, "/v1/customer/dynamic-link", false, true),

	/** Find a customer by loyalty-card barcode or QR code; needs no digest and reveals nothing sensitive. */
	CUSTOMER_LOYALTY_CARD_LOOKUP("launcher.customer.loyaltyCardLookup", HttpMethod.GET,
			"/v1/customer/loyalty-card-lookup", true, false),

	/** The customer's points history, paged. */
	CUSTOMER_POINTS_LIST("launcher.customer.points.list", HttpMethod.GET, "/v1/customer/points", true, true),

	/** Spend points on a reward; each success issues a coupon code, so not idempotent. */
	CUSTOMER_REDEEM("launcher.customer.redeem", HttpMethod.POST, "/v1/customer/redeem", false, true),

	/** The customer's referral activity, paged. */
	CUSTOMER_REFERRALS_LIST("launcher.customer.referrals.list", HttpMethod.GET, "/v1/customer/referrals", true, true),

	/** Action a social earn rule (follow, like, share); awards points, so not idempotent. */
	CUSTOMER_SOCIAL("launcher.customer.social", HttpMethod.POST, "/v1/customer/social", false, true),

	/** The customer's current stamp-card stamps. */
	CUSTOMER_STAMPS_GET("launcher.customer.stamps.get", HttpMethod.GET, "/v1/customer/stamps", true, true),

	/** Start an "upload a file" earn rule: creates a point activity and returns a presigned upload URL. */
	CUSTOMER_UPLOAD_FILE("launcher.customer.uploadFile", HttpMethod.POST, "/v1/customer/upload-file", false, true),

	/** The shop's loyalty settings. */
	SHOP_GET("launcher.shop.get", HttpMethod.GET, "/v1/shop", true, false),

	/** The shop's earn rules. */
	SHOP_EARN_RULES("launcher.shop.rules.earn", HttpMethod.GET, "/v1/shop/rules/earn", true, false),

	/** Products an earn rule excludes. */
	SHOP_EARN_RULE_PRODUCT_EXCLUSIONS("launcher.shop.rules.earn.productExclusions", HttpMethod.GET,
			"/v1/shop/rules/earn/{id}/exclusions/product", true, false),

	/** Product variants an earn rule excludes. */
	SHOP_EARN_RULE_VARIANT_EXCLUSIONS("launcher.shop.rules.earn.variantExclusions", HttpMethod.GET,
			"/v1/shop/rules/earn/{id}/exclusions/variant", true, false),

	/** The shop's redeem rules (the rewards points buy). */
	SHOP_REDEEM_RULES("launcher.shop.rules.redeem", HttpMethod.GET, "/v1/shop/rules/redeem", true, false),

	/** The shop's referral rules. */
	SHOP_REFERRAL_RULES("launcher.shop.rules.referral", HttpMethod.GET, "/v1/shop/rules/referral", true, false),

	/** The shop's loyalty tiers. */
	SHOP_TIERS_LIST("launcher.shop.tiers.list", HttpMethod.GET, "/v1/shop/tiers", true, false),

	/** One loyalty tier. */
	SHOP_TIER_GET("launcher.shop.tiers.get", HttpMethod.GET, "/v1/shop/tiers/{id}", true, false),

	/** The shop's stamp card and its reward rules. */
	SHOP_STAMP_CARD("launcher.shop.stampCard", HttpMethod.GET, "/v1/shop/stamp-card", true, false);

	private final EndpointDefinition definition;

	private final boolean customerScoped;

	LauncherEndpoint(String operation, HttpMethod method, String defaultPath, boolean idempotent,
			boolean customerScoped) {
		this.definition = new EndpointDefinition(operation, method, defaultPath, idempotent, Provenance.DOCUMENTED);
		this.customerScoped = customerScoped;
	}

	@Override
	public EndpointDefinition definition() {
		return this.definition;
	}

	/**
	 * Whether the call is made on behalf of a customer and carries the customer's id, email and digest.
	 * @return {@code true} for customer endpoints except the loyalty-card lookup
	 */
	public boolean customerScoped() {
		return this.customerScoped;
	}

}
