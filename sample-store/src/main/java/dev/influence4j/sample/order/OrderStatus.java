package dev.influence4j.sample.order;

import java.util.Set;

import dev.influence4j.platform.FinancialStatus;

/**
 * Where an order stands with its payment. An order starts {@link #PENDING} or {@link #PAID}; a pending order
 * is paid or cancelled, a paid one refunded. Refunded and cancelled orders stay as they are.
 */
public enum OrderStatus {

	/** Waiting for the payment (bank transfer). */
	PENDING,

	/** Paid: the order earns points on Influence.io. */
	PAID,

	/** Refunded in full: Influence.io takes the order's points back. */
	REFUNDED,

	/** Cancelled before it was paid. */
	CANCELLED;

	/**
	 * The status as Influence.io's order knows it.
	 * @return the financial status
	 */
	public FinancialStatus financialStatus() {
		return switch (this) {
			case PENDING -> FinancialStatus.PENDING;
			case PAID -> FinancialStatus.PAID;
			case REFUNDED -> FinancialStatus.REFUNDED;
			// Cancelled before payment was captured is what Influence.io calls voided.
			case CANCELLED -> FinancialStatus.VOIDED;
		};
	}

	/**
	 * The statuses an order in this status may change to.
	 * @return the next statuses, empty for a final one
	 */
	public Set<OrderStatus> next() {
		return switch (this) {
			case PENDING -> Set.of(PAID, CANCELLED);
			case PAID -> Set.of(REFUNDED);
			case REFUNDED, CANCELLED -> Set.of();
		};
	}

}
