package dev.influence4j.test;

import java.util.List;

/**
 * A loyalty tier of the sandbox's shop. The ladder is fixed: Bronze from 0, Silver from 500 and Gold from
 * 1000 lifetime earned points.
 *
 * @param id the tier's id
 * @param title the title
 * @param threshold the progress needed, on the lifetime-points scale
 * @param perks what the tier gives
 */
record LoyaltyTier(String id, String title, long threshold, List<String> perks) {

	static final List<LoyaltyTier> LADDER = List.of(
			new LoyaltyTier("tier-bronze", "Bronze", 0, List.of("Earn points on every order")),
			new LoyaltyTier("tier-silver", "Silver", 500, List.of("Earn points on every order", "Birthday reward")),
			new LoyaltyTier("tier-gold", "Gold", 1000, List.of("Earn points on every order", "Birthday reward",
					"Free shipping")));

	static LoyaltyTier forProgress(long progress) {
		LoyaltyTier reached = LADDER.get(0);
		for (LoyaltyTier tier : LADDER) {
			if (progress >= tier.threshold()) {
				reached = tier;
			}
		}
		return reached;
	}

}
