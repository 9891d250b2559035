package dev.influence4j.test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * How a sandbox is configured; built by {@link InfluenceSandbox.Builder}.
 *
 * @param apiKey the API key (also the digest secret)
 * @param shopKey the shop key
 * @param port the port to listen on, 0 for any free one
 * @param pointsPerCurrencyUnit points an order earns per 1.00 of its total
 * @param earningStatuses financial statuses in which an order earns
 * @param deductingStatuses financial statuses in which an order's points are taken back
 * @param redeemRules the redeem rules
 * @param pageSize items per page of list answers
 * @param storeCurrency the shop's currency
 * @param faultSeed the seed of {@link SandboxFaults#failRatio(double, int)}
 */
record SandboxSettings(String apiKey, String shopKey, int port, BigDecimal pointsPerCurrencyUnit,
		Set<String> earningStatuses, Set<String> deductingStatuses, List<SandboxRedeemRule> redeemRules, int pageSize,
		String storeCurrency, long faultSeed) {

	SandboxSettings {
		earningStatuses = Set.copyOf(earningStatuses);
		deductingStatuses = Set.copyOf(deductingStatuses);
		redeemRules = List.copyOf(redeemRules);
	}

	@Override
	public String toString() {
		return "SandboxSettings[shopKey=" + this.shopKey + ", port=" + this.port + ", pointsPerCurrencyUnit="
				+ this.pointsPerCurrencyUnit + ", earningStatuses=" + this.earningStatuses + ", deductingStatuses="
				+ this.deductingStatuses + ", pageSize=" + this.pageSize + "]";
	}

}
