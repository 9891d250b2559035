package dev.influence4j.sample.loyalty;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.influence4j.launcher.PointActivity;
import dev.influence4j.launcher.RedeemRule;

/**
 * What the account page shows of a customer's loyalty account, as far as Influence.io could be asked.
 *
 * @param pointBalance the current balance, or {@code null} when it could not be read
 * @param history the points history, newest first as Influence.io sends it (the first page only)
 * @param redeemRules what points buy; empty when they could not be read
 * @param problem a sentence for the customer when something could not be read, or {@code null}
 */
public record LoyaltyStatement(@Nullable Long pointBalance, List<PointActivity> history,
		List<RedeemRule> redeemRules, @Nullable String problem) {

	public LoyaltyStatement {
		history = List.copyOf(history);
		redeemRules = List.copyOf(redeemRules);
	}

	/**
	 * Whether the balance is known.
	 * @return whether Influence.io answered for the customer
	 */
	public boolean available() {
		return this.pointBalance != null;
	}

}
