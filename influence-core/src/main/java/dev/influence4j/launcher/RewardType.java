package dev.influence4j.launcher;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What kind of discount a reward or redeem rule gives: the {@code reward_type} filter of the Launcher API.
 * Responses keep the raw text ({@link Reward#rewardType()}, {@link PointActivity#rewardType()}), so a type
 * added by Influence.io later still reads; {@link #fromWireName(String)} maps the known ones.
 */
public enum RewardType {

	/** Free shipping, up to a maximum shipping value. */
	FREE_SHIPPING("freeshipping"),

	/** An amount off, where the customer chooses how many points to spend (increments). */
	AMOUNT_DISCOUNT("amountdiscount"),

	/** A fixed amount off for a fixed number of points. */
	FIXED_AMOUNT_DISCOUNT("fixedamountdiscount"),

	/** A percentage off. */
	PERCENTAGE_OFF("percentageoff"),

	/** Points donated to a cause. */
	POINT_DONATION("pointdonation"),

	/** A discounted or free product. */
	PRODUCT_DISCOUNT("productdiscount"),

	/** A gift card. */
	GIFT_CARD("giftcard"),

	/** Free shipping on a subscription order. */
	SUBSCRIPTION_FREE_SHIPPING("subscriptionfreeshipping"),

	/** A fixed amount off a subscription order. */
	SUBSCRIPTION_FIXED_AMOUNT_DISCOUNT("subscriptionfixedamountdiscount"),

	/** A percentage off a subscription order. */
	SUBSCRIPTION_PERCENTAGE_OFF("subscriptionpercentageoff"),

	/** An amount off at a point of sale. */
	POS_AMOUNT_DISCOUNT("pos_amountdiscount"),

	/** A percentage off at a point of sale. */
	POS_PERCENTAGE_OFF("pos_percentageoff"),

	/** A discounted or free product at a point of sale. */
	POS_PRODUCT_DISCOUNT("pos_productdiscount");

	private final String wireName;

	RewardType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The value as Influence.io writes it, for example {@code percentageoff}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The type with a wire name, compared without regard to case.
	 * @param wireName the text Influence.io sent, or {@code null}
	 * @return the type, or empty when the text is absent or not a known type
	 */
	public static Optional<RewardType> fromWireName(@Nullable String wireName) {
		if (wireName == null) {
			return Optional.empty();
		}
		String lowercase = wireName.toLowerCase(Locale.ROOT);
		for (RewardType type : values()) {
			if (type.wireName.equals(lowercase)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
