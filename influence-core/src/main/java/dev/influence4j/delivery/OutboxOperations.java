package dev.influence4j.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The operator's face of the outbox: what is waiting, what is stuck, and acting on it. Every method runs in a
 * short transaction of its own and is safe while the dispatcher runs, on any node.
 */
public interface OutboxOperations {

	/**
	 * What the outbox holds now, in one query.
	 * @return counts by status and the oldest unfinished entry's creation time
	 */
	OutboxSummary summary();

	/**
	 * How many entries are in each status.
	 * @return the counts, every status present
	 */
	default Map<DeliveryStatus, Long> countsByStatus() {
		return summary().counts();
	}

	/**
	 * When the oldest pending or in-flight entry was written.
	 * @return its creation time, or empty when nothing is waiting
	 */
	default Optional<Instant> oldestUnfinishedCreatedAt() {
		return Optional.ofNullable(summary().oldestUnfinished());
	}

	/**
	 * Dead letters, oldest first.
	 * @param offset how many to skip
	 * @param limit most to return
	 * @return the dead letters
	 */
	default List<OutboxEntry> deadLetters(int offset, int limit) {
		return deadLetters(null, offset, limit);
	}

	/**
	 * Dead letters of one kind (or all), oldest first.
	 * @param kind the entry kind, or {@code null} for all
	 * @param offset how many to skip
	 * @param limit most to return
	 * @return the dead letters
	 */
	List<OutboxEntry> deadLetters(@Nullable String kind, int offset, int limit);

	/**
	 * One entry.
	 * @param id its id
	 * @return the entry, or empty
	 */
	Optional<OutboxEntry> find(long id);

	/**
	 * Make a dead letter due again now, with its attempts reset and its age counted from now: the maximum age
	 * after which an entry is given up on, and the delivery lag, measure from the requeue, so that an entry given
	 * up on for its age is tried again rather than given up on at once.
	 * @param id the entry's id
	 * @return whether a dead letter with that id was requeued
	 */
	boolean requeue(long id);

	/**
	 * Make every dead letter due again now, with attempts reset.
	 * @return how many were requeued
	 */
	default int requeueAllDead() {
		return requeueAllDead(null);
	}

	/**
	 * Make every dead letter of one kind (or all) due again now, with attempts reset and ages counted from now
	 * (see {@link #requeue(long)}).
	 * @param kind the entry kind, or {@code null} for all
	 * @return how many were requeued
	 */
	int requeueAllDead(@Nullable String kind);

	/**
	 * Make every entry that waits for its next attempt after a failed one due now ("retry now"), for when
	 * Influence.io is known to answer again. Entries waiting for their first attempt are due anyway, and those
	 * waiting only for other entries keep waiting.
	 * @return how many were brought forward
	 */
	int bringForward();

}
