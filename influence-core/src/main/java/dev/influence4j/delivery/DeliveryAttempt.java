package dev.influence4j.delivery;

import java.time.Instant;

/**
 * What a kind may know about the attempt it is asked to make.
 *
 * @param entryId the entry's id
 * @param previousAttempts attempts made before this one (a crash or an expired claim counts as one)
 * @param untouched whether nothing was ever tried with this entry: no attempt, not even one a requeue reset
 * (it leaves the entry's last error). Only then can an earlier attempt not have reached Influence.io unseen.
 * @param createdAt when the entry was written, or last requeued
 */
public record DeliveryAttempt(long entryId, int previousAttempts, boolean untouched, Instant createdAt) {

	static DeliveryAttempt of(OutboxEntry entry) {
		return new DeliveryAttempt(entry.id(), entry.attempts(), entry.attempts() == 0 && entry.lastError() == null,
				entry.createdAt());
	}

	/**
	 * Whether this is a repeat: an earlier attempt was made.
	 * @return whether {@link #previousAttempts()} is above zero
	 */
	public boolean retry() {
		return this.previousAttempts > 0;
	}

}
