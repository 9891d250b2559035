package dev.influence4j.backfill;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

import dev.influence4j.delivery.EntryPriority;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.platform.InfluenceOrder;

/**
 * Writes the pages of an import: each page's entries and the cursor after it commit together, so that a restart
 * continues after the last page written and one run writes each row once.
 */
final class BackfillPages {

	private static final Logger logger = LoggerFactory.getLogger(BackfillPages.class);

	/** Ids of failed rows kept in the status. */
	private static final int FAILED_ITEMS_KEPT = 20;

	private final BackfillJobs jobs;

	private final Outbox outbox;

	private final OutboxWriter writer;

	private final BackfillSettings settings;

	private final TransactionTemplate transaction;

	BackfillPages(BackfillJobs jobs, Outbox outbox, OutboxWriter writer, BackfillSettings settings,
			TransactionTemplate transaction) {
		this.jobs = jobs;
		this.outbox = outbox;
		this.writer = writer;
		this.settings = settings;
		this.transaction = transaction;
	}

	/**
	 * Write one page: its rows mapped to outbox entries of low priority (those that fail validation counted and
	 * kept with their ids), and the cursor after it, in one transaction.
	 * @return whether this node still held the import; if not, nothing was written
	 * @throws SourceFailure when the source's {@code map} threw something else than a validation error: nothing
	 * of the page was written
	 */
	<R, T> boolean write(BackfillSource<R, T> source, BackfillStatus status, BackfillPage<R> page) {
		List<NewOutboxEntry> entries = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		long written = 0;
		for (R row : page.items()) {
			try {
				T item = map(source, row);
				if (status.since() != null && item instanceof InfluenceOrder order
						&& order.createdAt().isBefore(status.since())) {
					continue;
				}
				for (NewOutboxEntry entry : this.writer.entriesOf(source.kind().event(item))) {
					entries.add(entry.withPriority(EntryPriority.BACKFILL));
				}
				written++;
			}
			catch (IllegalArgumentException ex) {
				String id = safeId(source, row);
				failures.add(id + ": " + ex.getMessage());
				logger.warn("influence4j backfill of {} skips row {}: {}", source.kind(), id, ex.getMessage());
			}
		}
		long writtenRows = written;
		String failedItems = failures.isEmpty() ? null : keptFailures(status.failedItems(), failures);
		Boolean held = this.transaction.execute((tx) -> {
			if (!status.dryRun()) {
				entries.forEach(this.outbox::append);
			}
			boolean stillHeld = this.jobs.advance(source.kind().name(), this.settings.node(), page.next(),
					page.items().size(), writtenRows, failures.size(), failedItems, this.settings.lease());
			if (!stillHeld) {
				// Paused, cancelled or taken over meanwhile: the page is not written.
				tx.setRollbackOnly();
			}
			return stillHeld;
		});
		return Boolean.TRUE.equals(held);
	}

	/**
	 * Map a row: a validation error is the row's, anything else is a bug or an outage in the shop's source, which
	 * pauses the import like a page that cannot be read (retrying the page would fail the same way).
	 */
	private static <R, T> T map(BackfillSource<R, T> source, R row) {
		try {
			return source.map(row);
		}
		catch (IllegalArgumentException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new SourceFailure("row " + safeId(source, row), ex);
		}
	}

	private static <R> String safeId(BackfillSource<R, ?> source, R row) {
		try {
			return source.id(row);
		}
		catch (RuntimeException ex) {
			return "(unknown id)";
		}
	}

	private static String keptFailures(@Nullable String before, List<String> failures) {
		List<String> kept = new ArrayList<>();
		if (before != null && !before.isEmpty()) {
			kept.addAll(List.of(before.split("\n")));
		}
		kept.addAll(failures);
		return String.join("\n", kept.subList(Math.max(0, kept.size() - FAILED_ITEMS_KEPT), kept.size()));
	}

	/**
	 * The shop's source threw while a page was written: the import pauses with it.
	 */
	static final class SourceFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SourceFailure(String where, RuntimeException cause) {
			super(where + ": " + cause, cause);
		}

	}

}
