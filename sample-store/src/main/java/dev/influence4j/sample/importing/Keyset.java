package dev.influence4j.sample.importing;

import java.util.List;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import dev.influence4j.backfill.BackfillPage;

/**
 * The store's import cursor: the last id of the page before, so that each page is one indexed range read.
 */
final class Keyset {

	private Keyset() {
	}

	/** The id a page starts after: 0 (no id is lower) for the first page. */
	static long after(@Nullable String cursor) {
		return (cursor != null) ? Long.parseLong(cursor) : 0L;
	}

	/** A page of rows by id; a short page is the last. */
	static <R> BackfillPage<R> page(List<R> rows, int size, ToLongFunction<R> id) {
		return new BackfillPage<>(rows, (rows.size() < size) ? null : Long.toString(id.applyAsLong(rows.get(rows.size() - 1))));
	}

}
