package dev.influence4j.sample.discount;

/**
 * Who created a discount code.
 */
public enum DiscountSource {

	/** The shop itself (the demo data's welcome code, for example). */
	SHOP,

	/**
	 * Influence.io: a redemption of points, a referral or a tier reward. Influence.io is told when such a code
	 * is used, so it must be passed on with the order.
	 */
	INFLUENCE

}
