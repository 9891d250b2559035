package dev.influence4j.launcher;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The shop's stamp card: its settings and the rewards its filled cards give ({@code GET /v1/shop/stamp-card}).
 *
 * @param success whether Influence.io reported success
 * @param stampCardSettings the card's settings, or {@code null} when the shop has none
 * @param rewardRules the rewards, in slot order
 */
public record StampCard(boolean success, @Nullable StampCardSettings stampCardSettings,
		List<StampCardRewardRule> rewardRules) {

	public StampCard {
		rewardRules = Lenient.list(rewardRules);
	}

}
