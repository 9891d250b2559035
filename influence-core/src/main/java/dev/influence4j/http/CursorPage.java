package dev.influence4j.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list, and a lazy stream over all pages.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the opaque cursor of the next page, or {@code null} (or blank) on the last page
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

	public CursorPage {
		items = List.copyOf(items);
	}

	/**
	 * Whether another page follows.
	 * @return whether {@link #nextCursor()} points to a page
	 */
	public boolean hasNext() {
		return this.nextCursor != null && !this.nextCursor.isBlank();
	}

	/**
	 * A lazy stream of the items of every page. A page is fetched only when the stream needs its first
	 * item; a cursor that repeats ends the stream with an {@link InfluenceResponseException} instead of
	 * looping forever.
	 * @param <T> the item type
	 * @param operation the operation, for error messages
	 * @param fetch fetches the page for a cursor ({@code null} for the first page)
	 * @return the items
	 */
	public static <T> Stream<T> stream(String operation, Function<@Nullable String, CursorPage<T>> fetch) {
		return StreamSupport.stream(new PageSpliterator<>(operation, fetch), false);
	}

	private static final class PageSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

		private final String operation;

		private final Function<@Nullable String, CursorPage<T>> fetch;

		private final Deque<T> buffer = new ArrayDeque<>();

		private final Set<String> seenCursors = new HashSet<>();

		private @Nullable String cursor;

		private boolean started;

		private boolean exhausted;

		PageSpliterator(String operation, Function<@Nullable String, CursorPage<T>> fetch) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.operation = operation;
			this.fetch = fetch;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			while (this.buffer.isEmpty() && !this.exhausted) {
				fetchNext();
			}
			T next = this.buffer.poll();
			if (next == null) {
				return false;
			}
			action.accept(next);
			return true;
		}

		private void fetchNext() {
			if (this.started && this.cursor == null) {
				this.exhausted = true;
				return;
			}
			this.started = true;
			CursorPage<T> page = Objects.requireNonNull(this.fetch.apply(this.cursor), "page");
			this.buffer.addAll(page.items());
			if (!page.hasNext()) {
				this.cursor = null;
				return;
			}
			if (!this.seenCursors.add(page.nextCursor())) {
				throw new InfluenceResponseException(this.operation, 200,
						"the API returned a cursor it had returned before; stopping to avoid an endless loop", null);
			}
			this.cursor = page.nextCursor();
		}

	}

}
