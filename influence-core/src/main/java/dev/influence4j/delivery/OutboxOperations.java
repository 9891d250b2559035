package dev.influence4j.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's face of the outbox: what is waiting, what is stuck, and acting on it. Every method runs in a
 * short transaction of its own and is safe while the dispatcher runs, on any node.
 */
public interface OutboxOperations {

	/**
	 * How many entries are in each status.
	 * @return the counts, every status present
	 */
	Map<DeliveryStatus, Long> countsByStatus();

	/**
	 * When the oldest pending or in-flight entry was written.
	 * @return its creation time, or empty when nothing is waiting
	 */
	Optional<Instant> oldestUnfinishedCreatedAt();

	/**
	 * Dead letters, oldest first.
	 * @param offset how many to skip
	 * @param limit most to return
	 * @return the dead letters
	 */
	List<OutboxEntry> deadLetters(int offset, int limit);

	/**
	 * One entry.
	 * @param id its id
	 * @return the entry, or empty
	 */
	Optional<OutboxEntry> find(long id);

	/**
	 * Make a dead letter due again now, with its attempts reset.
	 * @param id the entry's id
	 * @return whether a dead letter with that id was requeued
	 */
	boolean requeue(long id);

	/**
	 * Make every dead letter due again now, with attempts reset.
	 * @return how many were requeued
	 */
	int requeueAllDead();

	/**
	 * Make every entry that waits for its next attempt after a failed one due now ("retry now"), for when
	 * Influence.io is known to answer again. Entries waiting for their first attempt are due anyway, and those
	 * waiting only for other entries keep waiting.
	 * @return how many were brought forward
	 */
	int bringForward();

}
