package dev.influence4j.delivery;

import java.util.Collection;
import java.util.List;

/**
 * Sends the outbox entries of one kind. The dispatcher calls it with a claimed entry; returning normally
 * means delivered. Throwing decides what happens next: an
 * {@link dev.influence4j.http.InfluenceApiException} that is not retryable, or a
 * {@link PermanentDeliveryException}, makes the entry a dead letter at once; 401/403 pause delivery;
 * anything else is retried with backoff until attempts or age run out.
 * <p>
 * Delivery is at least once: a handler may see the same entry again after a crash, so it must be safe to
 * repeat ({@link OutboxEntry#attempts()} tells whether an earlier attempt was made).
 */
public interface DeliveryHandler {

	/**
	 * The kind of entries this handler sends, for example {@code order.completed}.
	 * @return the kind
	 */
	String kind();

	/**
	 * Send one entry.
	 * @param entry the claimed entry
	 * @throws Exception when it could not be delivered
	 */
	void deliver(OutboxEntry entry) throws Exception;

	/**
	 * Entities that must reach Influence.io before this entry (an order's products and customer): while
	 * an older entry of one of them is pending or in flight, this entry waits without using an attempt.
	 * @param entry the entry
	 * @return the entity keys it depends on
	 */
	default Collection<String> dependencies(OutboxEntry entry) {
		return List.of();
	}

	/**
	 * Whether each entry carries its entity's full state, so that an entry older than one already delivered
	 * (for example a requeued dead letter) is obsolete and must not overwrite the newer state.
	 * @return whether entries are full states
	 */
	default boolean fullState() {
		return false;
	}

}
