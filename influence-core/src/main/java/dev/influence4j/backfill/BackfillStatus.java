package dev.influence4j.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * The import of one kind, as stored.
 *
 * @param kind the kind's name
 * @param state where it is
 * @param cursor where the next page starts ({@code null}: at the first page)
 * @param read rows read so far
 * @param written rows written to the outbox (in a dry run: rows that would have been)
 * @param delivered rows written whose entry Influence.io has accepted (0 in a dry run); see
 * {@link Backfill#status()} for how it is counted
 * @param failed rows that could not be mapped (their ids are in {@code failedItems})
 * @param total rows the source counted at the start, or {@code null} when it cannot count
 * @param dryRun whether rows are only read and validated, not sent
 * @param since for orders: only those placed since then, or {@code null}
 * @param node the node holding the import's lease, or {@code null}
 * @param lastError why the import paused by itself, or {@code null}
 * @param failedItems the ids and reasons of the last rows that failed, or {@code null}
 * @param startedAt when it was started
 * @param updatedAt when it last moved
 * @param finishedAt when it ended, or {@code null}
 * @param waited how long it was paused, or waited for the kinds before it, so far: left out of the rate
 */
public record BackfillStatus(String kind, BackfillState state, @Nullable String cursor, long read, long written,
		long delivered, long failed, @Nullable Long total, boolean dryRun, @Nullable Instant since,
		@Nullable String node, @Nullable String lastError, @Nullable String failedItems, Instant startedAt,
		Instant updatedAt, @Nullable Instant finishedAt, Duration waited) {

	/**
	 * How far it is, when the source counted its rows.
	 * @return read of total, from 0 to 1, or empty
	 */
	public OptionalDouble progress() {
		if (this.total == null) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((this.total == 0) ? 1.0 : Math.min(1.0, (double) this.read / this.total));
	}

	/**
	 * Rows read per second of the time it ran: from its start to its end (or now, or its pause), less the time it
	 * {@linkplain #waited() waited}.
	 * @param now the time now
	 * @return the rate
	 */
	public double rate(Instant now) {
		// A paused import last moved when it was paused.
		Instant end = (this.finishedAt != null) ? this.finishedAt
				: (this.state == BackfillState.PAUSED) ? this.updatedAt : now;
		long ran = Duration.between(this.startedAt, end).minus(this.waited).toMillis();
		return this.read / Math.max(0.001, ran / 1000.0);
	}

	/**
	 * The time left at the rate so far, when the source counted its rows.
	 * @param now the time now
	 * @return the estimate, or {@code null} when unknown
	 */
	public @Nullable Duration timeLeft(Instant now) {
		double rate = rate(now);
		if (this.total == null || rate <= 0 || this.state != BackfillState.RUNNING) {
			return null;
		}
		return Duration.ofSeconds((long) Math.ceil(Math.max(0, this.total - this.read) / rate));
	}

	BackfillStatus withDelivered(long delivered) {
		return new BackfillStatus(this.kind, this.state, this.cursor, this.read, this.written, delivered, this.failed,
				this.total, this.dryRun, this.since, this.node, this.lastError, this.failedItems, this.startedAt,
				this.updatedAt, this.finishedAt, this.waited);
	}

	@Override
	public String toString() {
		return "BackfillStatus[kind=" + this.kind + ", state=" + this.state + ", read=" + this.read + ", written="
				+ this.written + ", delivered=" + this.delivered + ", failed=" + this.failed + ", total=" + this.total
				+ ", node=" + this.node + "]";
	}

}
