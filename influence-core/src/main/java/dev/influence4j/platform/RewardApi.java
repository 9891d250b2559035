package dev.influence4j.platform;

import java.util.Map;

import dev.influence4j.Require;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Reward codes Influence.io issued (redeemed points, referral and tier rewards).
 */
public final class RewardApi {

	private final ApiTransport transport;

	RewardApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Tell Influence.io that a reward code was used in an order, so it no longer shows as an active reward.
	 * Safe to repeat.
	 * @param couponCode the code exactly as Influence.io issued it
	 */
	public void markUsed(String couponCode) {
		Require.text(couponCode, "coupon code");
		this.transport.call(ApiRequest.to(PlatformEndpoint.REWARD_USE)
			.withPath("couponCode", couponCode)
			.withBody(Map.of("couponCode", couponCode)));
	}

}
