package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

import dev.influence4j.http.InfluenceNotFoundException;

/**
 * A Launcher shop endpoint answered 404 because Influence.io knows no shop with the configured shop key.
 * This is a configuration problem: nothing works for this shop until the key is corrected.
 */
public class ShopNotFoundException extends InfluenceNotFoundException {

	private static final long serialVersionUID = 1L;

	private final String shopKey;

	/**
	 * Create the exception.
	 * @param operation the Launcher operation that failed
	 * @param shopKey the shop key that was sent (public: it is rendered into every storefront page)
	 * @param vendorMessage the message Influence.io gave, if any
	 */
	public ShopNotFoundException(String operation, String shopKey, @Nullable String vendorMessage) {
		super(operation, vendorMessage, "Influence.io knows no shop with the shop key '" + shopKey
				+ "': check that influence.shop-key is the shop key Influence.io shows for this shop (for stores "
				+ "not on Shopify a key made from the domain, such as example-com)");
		this.shopKey = shopKey;
	}

	/**
	 * The shop key Influence.io did not recognise.
	 * @return the shop key
	 */
	public String shopKey() {
		return this.shopKey;
	}

}
