package dev.influence4j.delivery;

import java.time.Duration;

/**
 * Told what the dispatcher does, for metrics and logs. Methods are called on dispatcher threads and must
 * return quickly; the default implementations do nothing.
 */
public interface DeliveryListener {

	/**
	 * An entry was delivered.
	 * @param entry the entry as claimed
	 * @param took how long the handler took
	 */
	default void delivered(OutboxEntry entry, Duration took) {
	}

	/**
	 * An attempt failed and the entry will be tried again.
	 * @param entry the entry as claimed
	 * @param reason what went wrong
	 */
	default void retrying(OutboxEntry entry, String reason) {
	}

	/**
	 * An entry became a dead letter.
	 * @param entry the entry as claimed
	 * @param reason why
	 */
	default void dead(OutboxEntry entry, String reason) {
	}

	/**
	 * Delivery paused because Influence.io refused the credentials.
	 * @param pause how long until the next try
	 */
	default void paused(Duration pause) {
	}

}
