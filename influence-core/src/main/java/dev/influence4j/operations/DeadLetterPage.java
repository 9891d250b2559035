package dev.influence4j.operations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of dead letters, oldest first.
 *
 * @param page the page number, from 0
 * @param size the page size used (a larger one asked for is reduced to {@link DeliveryOperations#MAX_PAGE_SIZE})
 * @param kind the kind they were filtered by, or {@code null} for all
 * @param items the dead letters on this page (empty beyond the last)
 * @param more whether a next page has any
 */
public record DeadLetterPage(int page, int size, @Nullable String kind, List<DeadLetter> items, boolean more) {

	public DeadLetterPage {
		items = List.copyOf(items);
	}

}
