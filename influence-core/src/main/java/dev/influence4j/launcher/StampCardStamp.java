package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * One stamp card of a customer: how many stamps it holds and whether it is complete.
 *
 * @param id the card's id
 * @param createdAt when it was started
 * @param updatedAt when it last changed
 * @param customerId Influence.io's UUID for the customer
 * @param stampCardSettingsId the stamp card settings it follows ({@link StampCardSettings#id()})
 * @param completedAt when it was completed, or {@code null} while it is being filled
 * @param stampCount stamps collected
 */
public record StampCardStamp(@Nullable String id, @Nullable String createdAt, @Nullable String updatedAt,
		@Nullable String customerId, @Nullable String stampCardSettingsId, @Nullable String completedAt,
		long stampCount) {

}
