package dev.influence4j.sample.loyalty;

import org.jspecify.annotations.Nullable;

/**
 * What came of a customer's redemption: a coupon code, or a sentence saying why not.
 *
 * @param couponCode the code Influence.io issued, or {@code null}
 * @param problem why there is no code, or {@code null}
 */
public record RedeemResult(@Nullable String couponCode, @Nullable String problem) {

	static RedeemResult issued(String couponCode) {
		return new RedeemResult(couponCode, null);
	}

	static RedeemResult refused(String problem) {
		return new RedeemResult(null, problem);
	}

}
