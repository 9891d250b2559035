package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * Which of a customer's active rewards to list or count. Immutable; start from {@link #all()}.
 *
 * @param source only rewards earned this way ({@code type}), or {@code null} for any
 * @param rewardType only rewards of this discount kind ({@code reward_type}), or {@code null} for any
 */
public record RewardFilter(@Nullable RewardSource source, @Nullable RewardType rewardType) {

	/**
	 * No filter: every active reward.
	 * @return the filter
	 */
	public static RewardFilter all() {
		return new RewardFilter(null, null);
	}

	/**
	 * Only rewards earned a given way.
	 * @param source the source, or {@code null} for any
	 * @return the new filter
	 */
	public RewardFilter withSource(@Nullable RewardSource source) {
		return new RewardFilter(source, this.rewardType);
	}

	/**
	 * Only rewards of a given discount kind.
	 * @param rewardType the kind, or {@code null} for any
	 * @return the new filter
	 */
	public RewardFilter withRewardType(@Nullable RewardType rewardType) {
		return new RewardFilter(this.source, rewardType);
	}

}
