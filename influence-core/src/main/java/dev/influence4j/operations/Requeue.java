package dev.influence4j.operations;

import org.jspecify.annotations.Nullable;

import dev.influence4j.delivery.DeliveryStatus;

/**
 * What a request to requeue one dead letter did.
 *
 * @param id the entry's id
 * @param result what happened
 * @param status the entry's status now, or {@code null} when there is no such entry
 */
public record Requeue(long id, Result result, @Nullable DeliveryStatus status) {

	/**
	 * The possible results.
	 */
	public enum Result {

		/** It was a dead letter and is pending again, due now, its attempts reset. */
		REQUEUED,

		/** There is no entry with that id (never, or purged after its retention). */
		NOT_FOUND,

		/** The entry exists but is not a dead letter; {@link Requeue#status()} says what it is. */
		NOT_DEAD

	}

	/**
	 * The result in words, for an answer or a page.
	 * @return for example "entry 42 is DELIVERED, not a dead letter"
	 */
	public String message() {
		return switch (this.result) {
			case REQUEUED -> "entry " + this.id + " requeued: due now";
			case NOT_FOUND -> "no entry " + this.id + " in the outbox";
			case NOT_DEAD -> "entry " + this.id + " is " + this.status + ", not a dead letter";
		};
	}

}
