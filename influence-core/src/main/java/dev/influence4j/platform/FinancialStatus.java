package dev.influence4j.platform;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An order's financial status as Influence.io names it. Influence.io awards purchase points when an order
 * reaches a status the shop's account marks as earning (typically {@link #PAID}), never twice for one
 * order, and deducts them when the status becomes {@link #REFUNDED}.
 * <p>
 * Values come from a secondary source and are provisional; the wire form is the lowercase name.
 */
public enum FinancialStatus {

	/** Payment authorised, not captured. */
	AUTHORIZED,

	/** Awaiting payment. */
	PENDING,

	/** Paid in full. */
	PAID,

	/** Part of the amount paid. */
	PARTIALLY_PAID,

	/** Refunded in full; Influence.io deducts the order's points. */
	REFUNDED,

	/** Part of the amount refunded. */
	PARTIALLY_REFUNDED,

	/** Cancelled before payment was captured. */
	VOIDED,

	/** Authorisation expired. */
	EXPIRED;

	/**
	 * The status as Influence.io writes it, for example {@code partially_refunded}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
