package dev.influence4j.backfill;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * Where a backfill reads the shop's existing data of one kind: keyset pages after an opaque cursor (for example
 * the last id of the previous page), so that an import of any size reads each row once, and resumes after a
 * restart from the stored cursor. Implement one per kind as a bean.
 * <pre>{@code
 * @Component
 * class CustomerImport implements BackfillSource<Account, InfluenceCustomer> {
 *     public BackfillKind<InfluenceCustomer> kind() { return BackfillKind.CUSTOMERS; }
 *     public BackfillPage<Account> page(@Nullable String after, int size) {
 *         List<Account> rows = jdbc.sql("SELECT * FROM account WHERE id > :after ORDER BY id LIMIT :size")
 *             .param("after", (after != null) ? Long.parseLong(after) : 0).param("size", size)
 *             .query(Account.class).list();
 *         return new BackfillPage<>(rows, rows.size() < size ? null : Long.toString(rows.get(rows.size() - 1).id()));
 *     }
 *     public String id(Account row) { return Long.toString(row.id()); }
 *     public InfluenceCustomer map(Account row) { return InfluenceCustomer.of(id(row), row.email()); }
 * }
 * }</pre>
 *
 * @param <R> the shop's rows
 * @param <T> what they are sent as
 */
public interface BackfillSource<R, T> {

	/**
	 * What this source imports.
	 * @return the kind
	 */
	BackfillKind<T> kind();

	/**
	 * Read one page. A source that throws pauses the backfill, with the error in its status, until it is resumed.
	 * @param after the cursor the previous page returned, or {@code null} for the first page
	 * @param size the most rows to return
	 * @return the page
	 */
	BackfillPage<R> page(@Nullable String after, int size);

	/**
	 * The row's id in the shop, to report a row that cannot be sent.
	 * @param row the row
	 * @return its id
	 */
	String id(R row);

	/**
	 * Map a row to what is sent. A row that fails (an {@link IllegalArgumentException}: no email, a bad amount) is
	 * counted as failed and reported with its id, and the backfill goes on; any other exception pauses the backfill,
	 * with the error and the row's id in its status, until it is resumed (which maps the page again).
	 * @param row the row
	 * @return what is sent
	 */
	T map(R row);

	/**
	 * How many rows there are, when the source can count them cheaply, for progress and time left.
	 * @return the count, or empty
	 */
	default OptionalLong count() {
		return OptionalLong.empty();
	}

}
