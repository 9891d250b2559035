package dev.influence4j.backfill;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * What to import.
 *
 * @param kinds the kinds, run one after the other in {@link BackfillKind#all()}'s order
 * @param ordersSince only orders placed since then, or {@code null} for all
 * @param dryRun read and validate every row, count, and send nothing
 */
public record BackfillRequest(Set<BackfillKind<?>> kinds, @Nullable Instant ordersSince, boolean dryRun) {

	public BackfillRequest {
		Require.present(kinds, "backfill kinds");
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("a backfill needs at least one kind");
		}
		List<BackfillKind<?>> sorted = kinds.stream().sorted(Comparator.comparingInt(BackfillKind::order)).toList();
		kinds = Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
	}

	/**
	 * Import these kinds.
	 * @param kinds the kinds
	 * @return the request
	 */
	public static BackfillRequest of(BackfillKind<?>... kinds) {
		return new BackfillRequest(Set.of(kinds), null, false);
	}

	/**
	 * The same, with only the orders placed since a time.
	 * @param since the time
	 * @return the request
	 */
	public BackfillRequest ordersSince(Instant since) {
		return new BackfillRequest(this.kinds, Require.present(since, "orders since"), this.dryRun);
	}

	/**
	 * The same, as a dry run: read, validate and count, send nothing.
	 * @return the request
	 */
	public BackfillRequest asDryRun() {
		return new BackfillRequest(this.kinds, this.ordersSince, true);
	}

}
