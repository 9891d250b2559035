package dev.influence4j.delivery;

/**
 * Where an outbox entry is in its life: {@code PENDING → IN_FLIGHT → DELIVERED}, or back to
 * {@code PENDING} for another attempt, or {@code DEAD} when it cannot succeed.
 */
public enum DeliveryStatus {

	/** Waiting for its next attempt (which may be due now or later). */
	PENDING,

	/** Claimed by a node that is sending it; the claim expires with its lease. */
	IN_FLIGHT,

	/** Sent successfully. Purged after the retention period. */
	DELIVERED,

	/** Given up on (rejected by Influence.io, or too many attempts, or too old); kept with its error until requeued. */
	DEAD,

	/** Not sent because a newer full state of the same entity was already delivered. */
	SUPERSEDED

}
