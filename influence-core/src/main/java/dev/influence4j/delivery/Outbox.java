package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The durable queue of what influence4j still has to deliver: the storage behind the dispatcher, and the
 * Java API to inspect it and act on it (counts, dead letters, requeue).
 * <p>
 * {@link #append(NewOutboxEntry)} joins the caller's transaction, so an entry written while saving an order
 * exists exactly when the order does. Every other method runs in its own short transaction.
 */
public interface Outbox {

	/**
	 * Append an entry in the caller's transaction (or on its own without one).
	 * @param entry the entry
	 * @return the new entry's id
	 */
	long append(NewOutboxEntry entry);

	/**
	 * Append an entry in a transaction of its own unless an entry with the same dedup key exists.
	 * @param entry the entry, with a dedup key
	 * @return whether it was appended ({@code false} for a duplicate)
	 */
	boolean appendIfAbsent(NewOutboxEntry entry);

	/**
	 * Claim entries that are due: at most one per entity key (the oldest unfinished one), and none whose
	 * key has an older entry still pending or in flight. Expired claims of other nodes are taken over, and the
	 * interrupted attempt is counted (its outcome is unknown).
	 * @param node the claiming node's id
	 * @param limit most entries to claim
	 * @param lease how long the claim holds before other nodes may take the entry over
	 * @return the claimed entries, oldest first
	 */
	List<OutboxEntry> claim(String node, int limit, Duration lease);

	/**
	 * Record a successful delivery.
	 * @param entry the entry, claimed by {@code node}
	 * @param node the node holding the claim
	 * @return {@code false} when the node no longer held the claim (its lease expired and another node took it)
	 */
	boolean markDelivered(OutboxEntry entry, String node);

	/**
	 * Put a claimed entry back for a later attempt.
	 * @param entry the entry, claimed by {@code node}
	 * @param node the node holding the claim
	 * @param nextAttemptAt when it is due again
	 * @param error why it failed, or {@code null} to keep the last error (a wait for other entries is not a
	 * failure)
	 * @param countAttempt whether this counts as an attempt (a wait for other entries does not)
	 * @return {@code false} when the node no longer held the claim
	 */
	boolean reschedule(OutboxEntry entry, String node, Instant nextAttemptAt, @Nullable String error,
			boolean countAttempt);

	/**
	 * Give up on a claimed entry: it stays as a dead letter with its error until requeued.
	 * @param entry the entry, claimed by {@code node}
	 * @param node the node holding the claim
	 * @param error why
	 * @param countAttempt whether the failure that led here was an attempt
	 * @return {@code false} when the node no longer held the claim
	 */
	boolean markDead(OutboxEntry entry, String node, String error, boolean countAttempt);

	/**
	 * Mark a claimed entry as superseded by a newer delivered state of its entity.
	 * @param entry the entry, claimed by {@code node}
	 * @param node the node holding the claim
	 * @return {@code false} when the node no longer held the claim
	 */
	boolean markSuperseded(OutboxEntry entry, String node);

	/**
	 * Release every claim a node holds, making the entries due now (on shutdown).
	 * @param node the node
	 * @return how many entries were released
	 */
	int releaseAll(String node);

	/**
	 * Whether any of the given entities has an entry older than {@code beforeId} still pending or in flight.
	 * @param entityKeys the entities, for example the products of an order
	 * @param beforeId only entries with a smaller id count
	 * @return whether one of them is unfinished
	 */
	boolean hasUnfinished(Collection<String> entityKeys, long beforeId);

	/**
	 * Whether a newer entry of the same entity was delivered.
	 * @param entry the entry
	 * @return whether a newer state already reached Influence.io
	 */
	boolean hasNewerDelivered(OutboxEntry entry);

	/**
	 * Delete finished entries: delivered and superseded ones older than {@code finishedBefore}, but entries
	 * with a dedup key only when older than {@code dedupBefore} (they are what recognises a repeated webhook).
	 * @param finishedBefore cut-off for ordinary entries
	 * @param dedupBefore cut-off for entries with a dedup key
	 * @return how many were deleted
	 */
	int purge(Instant finishedBefore, Instant dedupBefore);

	/**
	 * How many entries are in each status.
	 * @return counts for every status, zero included
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

}
