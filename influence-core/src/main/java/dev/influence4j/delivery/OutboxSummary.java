package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the outbox holds at one moment, read in one query: how many entries are in each status and when the
 * oldest entry not yet finished (pending, waiting on backoff, or in flight) was written.
 *
 * @param counts entries by status, every status present
 * @param oldestUnfinished creation time of the oldest pending or in-flight entry, or {@code null} when nothing waits
 * @param at when it was read
 */
public record OutboxSummary(Map<DeliveryStatus, Long> counts, @Nullable Instant oldestUnfinished, Instant at) {

	public OutboxSummary {
		Map<DeliveryStatus, Long> complete = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			complete.put(status, counts.getOrDefault(status, 0L));
		}
		counts = Map.copyOf(complete);
	}

	/**
	 * How many entries are in a status.
	 * @param status the status
	 * @return the count
	 */
	public long count(DeliveryStatus status) {
		return this.counts.getOrDefault(status, 0L);
	}

	/**
	 * How long the oldest entry not yet finished has waited.
	 * @return its age when the summary was read, or empty when nothing waits
	 */
	public Optional<Duration> oldestUnfinishedAge() {
		Instant oldest = this.oldestUnfinished;
		return (oldest != null) ? Optional.of(Duration.between(oldest, this.at).abs()) : Optional.empty();
	}

}
