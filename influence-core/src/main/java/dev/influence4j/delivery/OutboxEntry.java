package dev.influence4j.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the outbox as stored.
 *
 * @param id the entry's id; entries of the same entity are sent in id order
 * @param kind what the entry does, for example {@code order.completed}; selects the handler
 * @param entityKey the entity the entry is about, for example {@code order:1001}
 * @param dedupKey a key unique across the table (webhook deliveries), or {@code null}
 * @param payload the JSON the handler reads
 * @param status where the entry is in its life
 * @param attempts attempts made so far
 * @param nextAttemptAt when the entry is due
 * @param lastError what the last failed attempt reported, or {@code null}
 * @param claimedBy the node holding the claim, or {@code null}
 * @param leaseUntil when the claim expires, or {@code null}
 * @param createdAt when the entry was written, or last requeued
 * @param updatedAt when the entry last changed
 * @param priority live entries are claimed before backfill entries
 */
public record OutboxEntry(long id, String kind, String entityKey, @Nullable String dedupKey, String payload,
		DeliveryStatus status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
		@Nullable String claimedBy, @Nullable Instant leaseUntil, Instant createdAt, Instant updatedAt,
		EntryPriority priority) {

	@Override
	public String toString() {
		// The payload holds personal data (emails, names) and is never printed.
		return "OutboxEntry[id=" + this.id + ", kind=" + this.kind + ", entityKey=" + this.entityKey + ", status="
				+ this.status + ", attempts=" + this.attempts + "]";
	}

	/**
	 * This entry as claimed by a node.
	 * @param node the node
	 * @param leaseUntil when the claim expires
	 * @param at when it was claimed
	 * @return the claimed entry
	 */
	OutboxEntry claimed(String node, Instant leaseUntil, Instant at) {
		return new OutboxEntry(this.id, this.kind, this.entityKey, this.dedupKey, this.payload, DeliveryStatus.IN_FLIGHT,
				this.attempts, this.nextAttemptAt, this.lastError, node, leaseUntil, this.createdAt, at, this.priority);
	}

}
