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
record SandboxTier(String id, String title, long threshold, List<String> perks) {

	static final List<SandboxTier> LADDER = List.of(
			new SandboxTier("tier-bronze", "Bronze", 0, List.of("Earn points on every order")),
			new SandboxTier("tier-silver", "Silver", 500, List.of("Earn points on every order", "Birthday reward")),
			new SandboxTier("tier-gold", "Gold", 1000, List.of("Earn points on every order", "Birthday reward",
					"Free shipping")));

	static SandboxTier forProgress(long progress) {
		SandboxTier reached = LADDER.get(0);
		for (SandboxTier tier : LADDER) {
			if (progress >= tier.threshold()) {
				reached = tier;
			}
		}
		return reached;
	}

}
