package dev.influence4j.launcher;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What earned a customer a reward: the {@code type} filter of the all-rewards endpoints and the
 * {@link Reward#type()} of a reward. Rewards keep the raw text, so a source added by Influence.io later
 * still reads; {@link #fromWireName(String)} maps the known ones.
 */
public enum RewardSource {

	/** Points spent on a redeem rule. */
	POINT_ACTIVITY("PointActivity"),

	/** The entry reward of a loyalty tier the customer reached. */
	TIER_ENTRY_REWARD("CustomerLoyaltyTierEntryReward"),

	/** A referral reward, as referrer or as referred friend. */
	REFERRAL_REWARD("ReferralReward");

	private final String wireName;

	RewardSource(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The value as Influence.io writes it, for example {@code PointActivity}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The source with a wire name.
	 * @param wireName the text Influence.io sent, or {@code null}
	 * @return the source, or empty when the text is absent or not a known source
	 */
	public static Optional<RewardSource> fromWireName(@Nullable String wireName) {
		for (RewardSource source : values()) {
			if (source.wireName.equals(wireName)) {
				return Optional.of(source);
			}
		}
		return Optional.empty();
	}

}
