package dev.influence4j.launcher;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code status} filter of the customer's referral activity.
 */
public enum ReferralStatus {

	/** The referred friend has ordered. */
	COMPLETED,

	/** The referred friend has signed up but not yet ordered. */
	PENDING;

	/**
	 * The value as Influence.io expects it, for example {@code completed}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
