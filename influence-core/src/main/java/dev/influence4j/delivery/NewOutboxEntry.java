package dev.influence4j.delivery;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * An entry to append to the outbox.
 *
 * @param kind what the entry does, for example {@code order.completed}
 * @param entityKey the entity it is about, for example {@code order:1001}; entries of one key are sent one
 * at a time, in the order they were appended
 * @param payload the JSON its handler reads
 * @param dedupKey a key that must be unique across the outbox (a webhook's id), or {@code null}
 * @param priority live entries are claimed before backfill entries
 */
public record NewOutboxEntry(String kind, String entityKey, String payload, @Nullable String dedupKey,
		EntryPriority priority) {

	/** Longest entity or dedup key the schema stores. */
	public static final int MAX_KEY_LENGTH = 255;

	public NewOutboxEntry {
		Require.text(kind, "outbox entry kind");
		Require.text(entityKey, "outbox entity key");
		Require.text(payload, "outbox payload");
		Require.present(priority, "outbox entry priority");
		if (entityKey.length() > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException("outbox entity key is longer than " + MAX_KEY_LENGTH + " characters");
		}
		if (dedupKey != null && (dedupKey.isBlank() || dedupKey.length() > MAX_KEY_LENGTH)) {
			throw new IllegalArgumentException("outbox dedup key must be 1 to " + MAX_KEY_LENGTH + " characters");
		}
	}

	/**
	 * A live entry.
	 * @param kind the kind
	 * @param entityKey the entity key
	 * @param payload the payload
	 * @param dedupKey a key unique across the outbox, or {@code null}
	 */
	public NewOutboxEntry(String kind, String entityKey, String payload, @Nullable String dedupKey) {
		this(kind, entityKey, payload, dedupKey, EntryPriority.LIVE);
	}

	/**
	 * This entry with another priority.
	 * @param priority the priority
	 * @return the entry
	 */
	public NewOutboxEntry withPriority(EntryPriority priority) {
		return new NewOutboxEntry(this.kind, this.entityKey, this.payload, this.dedupKey, priority);
	}

	/**
	 * An entry without a dedup key.
	 * @param kind the kind
	 * @param entityKey the entity key
	 * @param payload the payload
	 * @return the entry
	 */
	public static NewOutboxEntry of(String kind, String entityKey, String payload) {
		return new NewOutboxEntry(kind, entityKey, payload, null);
	}

	@Override
	public String toString() {
		return "NewOutboxEntry[kind=" + this.kind + ", entityKey=" + this.entityKey + ", priority=" + this.priority + "]";
	}

}
