package dev.influence4j.delivery;

import java.util.Collection;
import java.util.List;

/**
 * What one kind of outbox entry means, in one place: its name, its payload, the entity it is about, what it
 * depends on, whether it carries its entity's full state, and how it is delivered. The engine reads the payload
 * once per attempt and hands it to {@link #dependsOn} and {@link #deliver}.
 * <p>
 * Delivery is at least once: an attempt may be repeated after a crash, so {@link #deliver} must be safe to
 * repeat ({@link DeliveryAttempt#untouched()} tells when an earlier attempt cannot have happened).
 *
 * @param <P> the payload record
 */
public interface EntryKind<P> {

	/**
	 * The kind's name, stored with each entry, for example {@code order.completed}.
	 * @return the name
	 */
	String name();

	/**
	 * The payload record, written as JSON by its component names ({@link EntryPayloads}).
	 * @return the type
	 */
	Class<P> payloadType();

	/**
	 * The entity an entry is about, for example {@code order:1001}: entries of one entity are delivered one at
	 * a time, in the order they were written.
	 * @param payload the payload
	 * @return the entity key
	 */
	String entityKey(P payload);

	/**
	 * Entities that must reach Influence.io before this entry (an order's products and customer): while an
	 * older entry of one of them is unfinished, this entry waits without using an attempt.
	 * @param payload the payload
	 * @return their entity keys
	 */
	default Collection<String> dependsOn(P payload) {
		return List.of();
	}

	/**
	 * Whether each entry carries its entity's full state, so that an entry older than one already delivered
	 * (a requeued dead letter) is obsolete and must not overwrite the newer state.
	 * @return whether entries are full states
	 */
	default boolean fullState() {
		return false;
	}

	/**
	 * Deliver one entry. Exceptions are not part of the contract: report failures as outcomes (one that is
	 * thrown anyway is retried like a transient failure).
	 * @param payload the payload
	 * @param attempt the attempt
	 * @return what became of it
	 */
	DeliveryOutcome deliver(P payload, DeliveryAttempt attempt);

	/**
	 * The entry for a payload.
	 * @param payload the payload
	 * @return the entry to append
	 */
	default NewOutboxEntry entry(P payload) {
		return NewOutboxEntry.of(name(), entityKey(payload), EntryPayloads.write(payload));
	}

}
