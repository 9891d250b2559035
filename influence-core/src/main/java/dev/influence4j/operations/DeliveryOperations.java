package dev.influence4j.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryPause;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.OutboxEntry;
import dev.influence4j.delivery.OutboxOperations;
import dev.influence4j.delivery.OutboxSummary;

/**
 * What an operator does with influence4j, in one place: read how delivery stands, list the dead letters and
 * requeue them, bring forward what waits on backoff. The actuator endpoint, the health indicator, the gauges and
 * a shop's own pages all use it.
 * <p>
 * {@link #report()} reads the outbox at most once per cache time however often it is called (by every gauge, every
 * health probe), so that scraping never costs a query each. The other methods read and write the outbox directly.
 */
public final class DeliveryOperations {

	/** The largest page of dead letters returned; a larger size asked for is reduced to it. */
	public static final int MAX_PAGE_SIZE = 100;

	private final OutboxOperations outbox;

	private final Supplier<Optional<DeliveryPause>> pause;

	private final Runnable nudge;

	private final String node;

	private final Duration maxLag;

	private final Duration cacheTime;

	private final Clock clock;

	private volatile @Nullable Cached cached;

	/**
	 * Create the operations.
	 * @param outbox the outbox
	 * @param pause this node's pause, if any (empty on a node that runs no dispatcher)
	 * @param nudge wakes this node's dispatcher, so that what was requeued goes now, not at the next poll
	 * @param node this node's id
	 * @param maxLag how old the oldest unfinished entry may be before delivery counts as lagging
	 * @param cacheTime how long one reading of the outbox serves {@link #report()}
	 * @param clock the clock
	 */
	public DeliveryOperations(OutboxOperations outbox, Supplier<Optional<DeliveryPause>> pause, Runnable nudge,
			String node, Duration maxLag, Duration cacheTime, Clock clock) {
		this.outbox = Require.present(outbox, "outbox");
		this.pause = Require.present(pause, "pause");
		this.nudge = Require.present(nudge, "nudge");
		this.node = Require.present(node, "node");
		this.maxLag = Require.present(maxLag, "maximum delivery lag");
		this.cacheTime = Require.present(cacheTime, "cache time");
		if (maxLag.isNegative() || maxLag.isZero()) {
			throw new IllegalArgumentException("maximum delivery lag must be positive, was " + maxLag);
		}
		if (cacheTime.isNegative()) {
			throw new IllegalArgumentException("cache time must not be negative, was " + cacheTime);
		}
		this.clock = Require.present(clock, "clock");
	}

	/**
	 * How delivery stands: counts by status, the oldest unfinished entry's age, dead letters, this node's pause.
	 * The outbox part is at most the cache time old.
	 * @return the report
	 */
	public DeliveryReport report() {
		Instant now = this.clock.instant();
		Cached current = this.cached;
		if (current == null || !now.isBefore(current.at.plus(this.cacheTime))) {
			synchronized (this) {
				current = this.cached;
				if (current == null || !now.isBefore(current.at.plus(this.cacheTime))) {
					current = new Cached(this.outbox.summary(), now);
					this.cached = current;
				}
			}
		}
		return new DeliveryReport(current.summary, this.pause.get().orElse(null), this.node, this.maxLag);
	}

	/**
	 * One page of dead letters, oldest first, with emails and reward codes masked.
	 * @param page the page, from 0
	 * @param size how many per page, from 1 (larger than {@link #MAX_PAGE_SIZE} is reduced to it)
	 * @param kind only this entry kind, or {@code null} for all
	 * @return the page, empty beyond the last
	 * @throws IllegalArgumentException when the page is negative or the size is not positive
	 */
	public DeadLetterPage deadLetters(int page, int size, @Nullable String kind) {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more, was " + page);
		}
		if (size < 1) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
		}
		int used = Math.min(size, MAX_PAGE_SIZE);
		long offset = (long) page * used;
		if (offset > Integer.MAX_VALUE) {
			return new DeadLetterPage(page, used, kind, List.of(), false);
		}
		List<OutboxEntry> found = this.outbox.deadLetters(blankToNull(kind), (int) offset, used + 1);
		List<DeadLetter> items = new ArrayList<>();
		for (OutboxEntry entry : found.subList(0, Math.min(used, found.size()))) {
			items.add(DeadLetterMask.view(entry));
		}
		return new DeadLetterPage(page, used, blankToNull(kind), items, found.size() > used);
	}

	/**
	 * Requeue one dead letter: pending again, due now, its attempts reset.
	 * @param id the entry's id
	 * @return what happened, with the entry's status when it was not a dead letter
	 */
	public Requeue requeue(long id) {
		if (this.outbox.requeue(id)) {
			this.nudge.run();
			return new Requeue(id, Requeue.Result.REQUEUED, DeliveryStatus.PENDING);
		}
		return this.outbox.find(id)
			.map((entry) -> new Requeue(id, Requeue.Result.NOT_DEAD, entry.status()))
			.orElseGet(() -> new Requeue(id, Requeue.Result.NOT_FOUND, null));
	}

	/**
	 * Requeue every dead letter, or every one of a kind.
	 * @param kind the entry kind, or {@code null} for all
	 * @return how many were requeued
	 */
	public int requeueAll(@Nullable String kind) {
		return nudged(this.outbox.requeueAllDead(blankToNull(kind)));
	}

	/**
	 * Make every entry that waits for its next attempt after a failure due now ("retry now"), for an operator who
	 * knows Influence.io answers again.
	 * @return how many were brought forward
	 */
	public int bringForward() {
		return nudged(this.outbox.bringForward());
	}

	private int nudged(int changed) {
		if (changed > 0) {
			this.nudge.run();
		}
		return changed;
	}

	private static @Nullable String blankToNull(@Nullable String kind) {
		return (kind == null || kind.isBlank()) ? null : kind.strip();
	}

	private record Cached(OutboxSummary summary, Instant at) {
	}

}
