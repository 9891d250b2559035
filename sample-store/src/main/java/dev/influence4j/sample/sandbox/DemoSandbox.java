package dev.influence4j.sample.sandbox;

import java.math.BigDecimal;

import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.SandboxRedeemRule;

/**
 * The sandbox set up as the demo shop's Influence.io account would be: euros, and three ways to redeem points.
 * The one place for it, whether the sandbox runs inside a store ({@link EmbeddedSandbox}) or on its own for
 * several nodes ({@link SandboxServer}), and for tests that start one themselves.
 */
public final class DemoSandbox {

	private DemoSandbox() {
	}

	/**
	 * A sandbox for the demo shop, not yet started.
	 * @param apiKey the API key the store sends
	 * @param shopKey the shop key the store sends
	 * @param port the port, 0 for any free one
	 * @return the builder, ready to start
	 */
	public static InfluenceSandbox.Builder builder(String apiKey, String shopKey, int port) {
		return InfluenceSandbox.builder()
			.apiKey(apiKey)
			.shopKey(shopKey)
			.port(port)
			.storeCurrency("EUR")
			.redeemRules(SandboxRedeemRule.fixedAmountOff("redeem-500-5-off", 500, new BigDecimal("5.00")),
					SandboxRedeemRule.percentageOff("redeem-1000-10-percent", 1000, 10),
					SandboxRedeemRule.freeShipping("redeem-300-free-shipping", 300)
						.withMinSpendAmount(new BigDecimal("20.00")));
	}

}
