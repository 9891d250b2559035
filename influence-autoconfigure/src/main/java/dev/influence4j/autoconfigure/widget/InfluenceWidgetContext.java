package dev.influence4j.autoconfigure.widget;

import org.jspecify.annotations.Nullable;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;

/**
 * What the Influence.io widgets need on a page: the shop key and base URL, the widget script, and for a
 * logged-in customer the lowercased email, the shop's customer id and the customer digest. Added to every
 * page's model (as {@code influence} unless {@code influence.widget.model-attribute} says otherwise) and
 * returned by the customer context endpoint.
 * <p>
 * A class with getters rather than a record so that every template engine (Thymeleaf, JSP EL, FreeMarker,
 * Mustache) reads it as {@code influence.shopKey}. The digest is a per-customer credential: it is left out of
 * {@link #toString()}.
 */
public final class InfluenceWidgetContext {

	/**
	 * The request attribute that also carries the context, whatever the model attribute is called; the
	 * Thymeleaf fragment reads it.
	 */
	public static final String REQUEST_ATTRIBUTE = "influence4jWidgetContext";

	private final String shopKey;

	private final String baseUrl;

	private final @Nullable String scriptUrl;

	private final @Nullable String customerEmail;

	private final @Nullable String customerId;

	private final @Nullable String customerDigest;

	private InfluenceWidgetContext(String shopKey, String baseUrl, @Nullable String scriptUrl,
			@Nullable String customerEmail, @Nullable String customerId, @Nullable String customerDigest) {
		this.shopKey = shopKey;
		this.baseUrl = baseUrl;
		this.scriptUrl = scriptUrl;
		this.customerEmail = customerEmail;
		this.customerId = customerId;
		this.customerDigest = customerDigest;
	}

	/**
	 * The context of a page seen by a guest.
	 * @param shopKey the shop key
	 * @param baseUrl the widgets' base URL
	 * @param scriptUrl the widget script's URL, or {@code null} when the page includes it itself
	 * @return the context, without customer
	 */
	public static InfluenceWidgetContext guest(String shopKey, String baseUrl, @Nullable String scriptUrl) {
		return new InfluenceWidgetContext(shopKey, baseUrl, scriptUrl, null, null, null);
	}

	/**
	 * The context of a page seen by a logged-in customer.
	 * @param digest the digest calculator, whose shop key is used
	 * @param baseUrl the widgets' base URL
	 * @param scriptUrl the widget script's URL, or {@code null}
	 * @param customer the customer
	 * @return the context, with the customer's lowercased email, id and digest
	 */
	public static InfluenceWidgetContext customer(CustomerDigest digest, String baseUrl, @Nullable String scriptUrl,
			CustomerIdentity customer) {
		return new InfluenceWidgetContext(digest.shopKey(), baseUrl, scriptUrl, customer.normalizedEmail(),
				customer.id(), digest.compute(customer));
	}

	/**
	 * The shop key, rendered as {@code data-shop}.
	 * @return the shop key
	 */
	public String getShopKey() {
		return this.shopKey;
	}

	/**
	 * The widgets' base URL, rendered as {@code data-base-url}.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * The widget script's URL.
	 * @return the URL, or {@code null} when not configured
	 */
	public @Nullable String getScriptUrl() {
		return this.scriptUrl;
	}

	/**
	 * The logged-in customer's email, lowercased as the digest was computed over it.
	 * @return the email, or {@code null} for a guest
	 */
	public @Nullable String getCustomerEmail() {
		return this.customerEmail;
	}

	/**
	 * The logged-in customer's id in the shop.
	 * @return the id, or {@code null} for a guest
	 */
	public @Nullable String getCustomerId() {
		return this.customerId;
	}

	/**
	 * The logged-in customer's digest.
	 * @return 64 lowercase hex characters, or {@code null} for a guest
	 */
	public @Nullable String getCustomerDigest() {
		return this.customerDigest;
	}

	/**
	 * Whether a customer is logged in.
	 * @return whether the customer attributes are present
	 */
	public boolean isLoggedIn() {
		return this.customerDigest != null;
	}

	@Override
	public String toString() {
		return "InfluenceWidgetContext[shopKey=" + this.shopKey + ", baseUrl=" + this.baseUrl + ", scriptUrl="
				+ this.scriptUrl + ", customerId=" + this.customerId + ", customerDigest="
				+ ((this.customerDigest != null) ? "******" : null) + "]";
	}

}
