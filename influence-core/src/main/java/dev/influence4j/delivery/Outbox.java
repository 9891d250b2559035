package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The durable queue of what influence4j still has to deliver. This interface is the dispatcher's face (append,
 * claim, finish, release, purge); {@link OutboxOperations} is the operator's (counts, dead letters, requeue).
 * <p>
 * {@link #append(NewOutboxEntry)} joins the caller's transaction, so an entry written while saving an order
 * exists exactly when the order does. Every other method runs in its own short transaction.
 */
public interface Outbox extends OutboxOperations {

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
	 * Claim pending entries that are due and are the oldest unfinished entry of their key (so entries of one key
	 * go one at a time, in order): live before backfill, then soonest due. Due entries that wait behind an
	 * unfinished entry of their key (in flight, or waiting on backoff or for dependencies) are looked at and
	 * passed over on every claim, so the cost grows with them; see {@link JdbcOutbox}.
	 * @param node the claiming node's id
	 * @param limit most entries to claim
	 * @param lease how long the claim holds unless renewed ({@link #renewLeases})
	 * @return the claimed entries, now in flight
	 */
	List<OutboxEntry> claim(String node, int limit, Duration lease);

	/**
	 * Record successful deliveries, in one statement.
	 * @param entries entries claimed by the node
	 * @param node the node holding the claims
	 * @return how many were recorded; fewer when a claim was lost (taken over after it expired)
	 */
	int markDelivered(Collection<OutboxEntry> entries, String node);

	/**
	 * Put a claimed entry back for a later attempt.
	 * @param entry the claimed entry
	 * @param node the node holding the claim
	 * @param nextAttemptAt when it is due again
	 * @param error what went wrong, or {@code null} to keep the last error
	 * @param countAttempt whether the attempt counts towards the maximum (a wait for other entries does not)
	 * @return whether the claim was still held
	 */
	boolean reschedule(OutboxEntry entry, String node, Instant nextAttemptAt, @Nullable String error,
			boolean countAttempt);

	/**
	 * Give up on a claimed entry: it stays as a dead letter with its error until requeued.
	 * @param entry the claimed entry
	 * @param node the node holding the claim
	 * @param error why
	 * @param countAttempt whether an attempt was made
	 * @return whether the claim was still held
	 */
	boolean markDead(OutboxEntry entry, String node, String error, boolean countAttempt);

	/**
	 * Mark a claimed entry as superseded by a newer delivered state of its entity.
	 * @param entry the claimed entry
	 * @param node the node holding the claim
	 * @return whether the claim was still held
	 */
	boolean markSuperseded(OutboxEntry entry, String node);

	/**
	 * Make pending entries due now (entries that waited for others that were just delivered).
	 * @param ids the entries
	 * @return how many were brought forward
	 */
	int dueNow(Collection<Long> ids);

	/**
	 * Extend every claim a node holds (its heartbeat while it delivers).
	 * @param node the node
	 * @param lease how long the claims hold from now
	 * @return how many claims were extended
	 */
	int renewLeases(String node, Duration lease);

	/**
	 * Take over claims whose lease expired (their node died or lost the database): the entries become due now,
	 * and the interrupted attempt is counted, its outcome being unknown.
	 * @return what was taken over from which node
	 */
	List<Takeover> takeOverExpired();

	/**
	 * Release every claim a node holds, making the entries due now (on shutdown).
	 * @param node the node
	 * @return how many were released
	 */
	int releaseAll(String node);

	/**
	 * How many entries of a priority are not finished yet (pending, waiting or in flight): what a backfill keeps
	 * bounded.
	 * @param priority the priority
	 * @return the count
	 */
	long unfinished(EntryPriority priority);

	/**
	 * How many entries of a kind and priority appended since a time are not delivered: pending, in flight or dead
	 * (superseded ones count as delivered: a newer state of their entity was). What a backfill subtracts from the
	 * rows it wrote to tell how many Influence.io has accepted.
	 * @param kind the entry kind, for example {@code customer.saved}
	 * @param priority the priority
	 * @param since the earliest time of appending counted
	 * @return the count
	 */
	long undelivered(String kind, EntryPriority priority, Instant since);

	/**
	 * The oldest unfinished (pending or in flight) entry of each of the given entities, for deciding in one
	 * statement which entries of a batch must wait for others.
	 * @param entityKeys the entities
	 * @return the id of each one's oldest unfinished entry; entities with none are absent
	 */
	Map<String, Long> oldestUnfinished(Collection<String> entityKeys);

	/**
	 * Whether a newer entry of the same entity was delivered.
	 * @param entry the entry
	 * @return whether it is obsolete, for kinds that carry full state
	 */
	boolean hasNewerDelivered(OutboxEntry entry);

	/**
	 * Delete finished entries: delivered and superseded ones older than {@code finishedBefore}, but entries
	 * with a dedup key only when older than {@code dedupBefore} (they are what recognises a repeated webhook).
	 * @param finishedBefore cut-off for finished entries
	 * @param dedupBefore cut-off for finished entries with a dedup key
	 * @return how many were deleted
	 */
	int purge(Instant finishedBefore, Instant dedupBefore);

	/**
	 * Claims taken over from a node whose lease expired.
	 *
	 * @param node the node that held them
	 * @param entryIds the entries
	 */
	record Takeover(String node, List<Long> entryIds) {

		public Takeover {
			entryIds = List.copyOf(entryIds);
		}

	}

}
