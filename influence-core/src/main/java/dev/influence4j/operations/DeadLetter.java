package dev.influence4j.operations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A dead letter as an operator sees it: emails and reward codes in its key, payload and error are masked
 * ({@code j***@example.com}, {@code IN***}).
 *
 * @param id the entry's id, to requeue it with
 * @param kind its kind, for example {@code order.completed}
 * @param entityKey the entity it is about
 * @param attempts attempts made
 * @param lastError why it became a dead letter
 * @param createdAt when it was written
 * @param updatedAt when it became a dead letter
 * @param payload its payload, as JSON text
 */
public record DeadLetter(long id, String kind, String entityKey, int attempts, @Nullable String lastError,
		Instant createdAt, Instant updatedAt, String payload) {
}
