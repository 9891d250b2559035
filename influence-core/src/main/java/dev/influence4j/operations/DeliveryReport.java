package dev.influence4j.operations;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.influence4j.delivery.DeliveryPause;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.OutboxSummary;

/**
 * How delivery stands, as of one reading of the outbox.
 *
 * @param outbox what the outbox holds
 * @param pause why this node holds claims back, or {@code null} when it delivers (or runs no dispatcher)
 * @param node this node's id
 * @param maxLag how old the oldest unfinished entry may be before delivery counts as lagging
 */
public record DeliveryReport(OutboxSummary outbox, @Nullable DeliveryPause pause, String node, Duration maxLag) {

	/**
	 * Whether delivery is healthy.
	 * @return {@code true} unless Influence.io refused the key or the oldest unfinished entry is older than the
	 * maximum lag
	 */
	public boolean healthy() {
		return problem().isEmpty();
	}

	/**
	 * What makes delivery unhealthy.
	 * @return the problem in words, or empty when healthy
	 */
	public Optional<String> problem() {
		DeliveryPause paused = this.pause;
		if (paused != null && paused.cause() == DeliveryPause.Cause.REFUSED) {
			return Optional.of("delivery is paused: " + paused.reason());
		}
		Optional<Duration> lag = this.outbox.oldestUnfinishedAge();
		if (lag.isPresent() && lag.get().compareTo(this.maxLag) > 0) {
			return Optional.of("the oldest entry not yet delivered waits for " + lag.get().withNanos(0)
					+ ", more than influence.health.max-delivery-lag (" + this.maxLag + ")");
		}
		return Optional.empty();
	}

	/**
	 * How many dead letters wait for a person.
	 * @return the count
	 */
	public long deadLetters() {
		return this.outbox.count(DeliveryStatus.DEAD);
	}

}
