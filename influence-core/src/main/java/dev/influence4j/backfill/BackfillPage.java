package dev.influence4j.backfill;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * One page a {@link BackfillSource} read: its rows in the source's order, and where the next page starts.
 *
 * @param <R> the source's rows
 * @param items the rows, at most the size asked for
 * @param next the cursor of the next page (opaque to influence4j, stored between pages), or {@code null} after the
 * last page
 */
public record BackfillPage<R>(List<R> items, @Nullable String next) {

	public BackfillPage {
		items = List.copyOf(Require.noNulls(Require.present(items, "backfill page items"), "backfill page items"));
		if (next != null && next.length() > MAX_CURSOR_LENGTH) {
			throw new IllegalArgumentException("a backfill cursor is at most " + MAX_CURSOR_LENGTH + " characters, was "
					+ next.length());
		}
	}

	/** Longest cursor stored. */
	public static final int MAX_CURSOR_LENGTH = 1000;

	/**
	 * The last page.
	 * @param <R> the rows
	 * @param items its rows
	 * @return the page
	 */
	public static <R> BackfillPage<R> last(List<R> items) {
		return new BackfillPage<>(items, null);
	}

}
