package dev.influence4j.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.influence4j.Require;
import dev.influence4j.delivery.EntryPriority;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxWriter;

/**
 * Imports an existing shop's data into Influence.io through the outbox: reads each kind's {@link BackfillSource}
 * page by page and writes the rows as entries of low priority (a live order goes first), never more than
 * {@link BackfillSettings#maxPending()} unfinished at a time. Each page's entries and the cursor after them
 * commit together, so a restart (or another node, once this one's lease expires) continues after the last page
 * written, and no row is written twice by one run. One node runs an import at a time; kinds run one after the
 * other: customers, products, collections, orders. A kind begins only when no kind before it is running or paused
 * (whether they were started together or not), so that orders never go ahead of customers that failed: a paused
 * kind holds the later ones until it is resumed and done. A cancelled kind lets the later ones go: whoever cancels
 * it has decided the rest does without it.
 * <p>
 * A source that throws, from {@code page} or from {@code map} (anything but the {@link IllegalArgumentException}
 * of a row that fails validation), pauses its kind with the error in the status. Only the backfill table's own
 * database errors are retried by themselves.
 * <p>
 * {@link #start()} runs it on a background thread; the control methods work from any node.
 */
public final class Backfill implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Backfill.class);

	private final BackfillJobs jobs;

	private final Outbox outbox;

	private final OutboxWriter writer;

	private final Runnable nudge;

	private final Map<String, BackfillSource<?, ?>> sources;

	private final BackfillSettings settings;

	private final Clock clock;

	private final BackfillPages pages;

	/** The outbox entry kind each kind's rows are written as (for example {@code customer.saved}). */
	private final Map<String, String> entryKinds;

	private final Object wake = new Object();

	private volatile boolean running;

	private volatile boolean closed;

	private @Nullable Thread thread;

	/**
	 * Create a backfill.
	 * @param dataSource the outbox's database, which holds the backfill table too
	 * @param tablePrefix the outbox's table prefix
	 * @param outbox the outbox
	 * @param writer turns rows (as storefront events) into outbox entries
	 * @param nudge wakes the dispatcher after a page was written
	 * @param sources the shop's sources, at most one per kind
	 * @param settings how to run
	 * @param clock the clock
	 */
	public Backfill(DataSource dataSource, String tablePrefix, Outbox outbox, OutboxWriter writer, Runnable nudge,
			Collection<? extends BackfillSource<?, ?>> sources, BackfillSettings settings, Clock clock) {
		this.jobs = new BackfillJobs(Require.present(dataSource, "data source"), tablePrefix, clock);
		this.outbox = Require.present(outbox, "outbox");
		this.writer = Require.present(writer, "outbox writer");
		this.nudge = Require.present(nudge, "nudge");
		Map<String, BackfillSource<?, ?>> byKind = new LinkedHashMap<>();
		for (BackfillSource<?, ?> source : Require.present(sources, "sources")) {
			BackfillSource<?, ?> other = byKind.put(source.kind().name(), source);
			if (other != null) {
				throw new IllegalArgumentException("two backfill sources for " + source.kind() + ": "
						+ other.getClass().getName() + " and " + source.getClass().getName());
			}
		}
		this.sources = Map.copyOf(byKind);
		this.settings = Require.present(settings, "backfill settings");
		this.clock = Require.present(clock, "clock");
		this.pages = new BackfillPages(this.jobs, outbox, writer, settings,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		Map<String, String> entryKinds = new LinkedHashMap<>();
		for (BackfillKind<?> kind : BackfillKind.all()) {
			writer.kindFor(kind.eventType()).ifPresent((entryKind) -> entryKinds.put(kind.name(), entryKind.name()));
		}
		this.entryKinds = Map.copyOf(entryKinds);
	}

	/**
	 * The kinds this application has a source for.
	 * @return the kinds, in the order they run
	 */
	public List<BackfillKind<?>> kinds() {
		return BackfillKind.all().stream().filter((kind) -> this.sources.containsKey(kind.name())).toList();
	}

	/**
	 * Start importing, from the first page of every kind asked for.
	 * @param request what to import
	 * @return whether it started, with the kinds' statuses; not started when one of them is running or paused
	 * @throws IllegalArgumentException when a kind has no source
	 */
	public BackfillStart start(BackfillRequest request) {
		Require.present(request, "backfill request");
		for (BackfillKind<?> kind : request.kinds()) {
			if (!this.sources.containsKey(kind.name())) {
				throw new IllegalArgumentException("no BackfillSource for " + kind + " in this application (sources: "
						+ this.sources.keySet() + ")");
			}
		}
		List<BackfillStatus> busy = new ArrayList<>();
		for (BackfillKind<?> kind : request.kinds()) {
			this.jobs.find(kind.name())
				.filter((status) -> status.state() == BackfillState.RUNNING || status.state() == BackfillState.PAUSED)
				.ifPresent(busy::add);
		}
		if (!busy.isEmpty()) {
			return new BackfillStart(false, "already running: " + describe(busy), statuses(request));
		}
		List<String> started = new ArrayList<>();
		for (BackfillKind<?> kind : request.kinds()) {
			BackfillSource<?, ?> source = source(kind);
			OptionalLong total = source.count();
			Instant since = (kind == BackfillKind.ORDERS) ? request.ordersSince() : null;
			if (this.jobs.create(kind.name(), request.dryRun(), since, total.isPresent() ? total.getAsLong() : null)) {
				started.add(kind.name());
			}
		}
		wake();
		if (started.size() < request.kinds().size()) {
			return new BackfillStart(!started.isEmpty(), "already running: "
					+ describe(statuses(request).stream().filter((status) -> !started.contains(status.kind())).toList()),
					statuses(request));
		}
		String waiting = waitingFor(request);
		logger.info("influence4j backfill started: {}{}{}", started, request.dryRun() ? " (dry run, nothing is sent)" : "",
				waiting);
		return new BackfillStart(true, "started: " + String.join(", ", started)
				+ (request.dryRun() ? " (dry run)" : "") + waiting, statuses(request));
	}

	/**
	 * Every kind's import that was ever started, in the order they run.
	 * <p>
	 * {@link BackfillStatus#delivered() Delivered} is counted now, not stored: the rows written less the kind's
	 * backfill entries written since the start that are not delivered yet (pending, in flight or dead), one short
	 * count over at most the bounded backlog and the dead letters. Counting delivered entries instead would miss
	 * those purged after the retention period, and a counter kept by the dispatcher would cost every node a write
	 * per delivered batch for a number read now and then.
	 * @return the statuses
	 */
	public List<BackfillStatus> status() {
		return this.jobs.all()
			.stream()
			.sorted(Comparator.comparingInt((BackfillStatus status) -> BackfillKind.named(status.kind())
				.map(BackfillKind::order)
				.orElse(Integer.MAX_VALUE)))
			.map(this::withDelivered)
			.toList();
	}

	/**
	 * One kind's import.
	 * @param kind the kind
	 * @return its status, or empty when it was never started; delivered is counted as {@link #status()} says
	 */
	public Optional<BackfillStatus> status(BackfillKind<?> kind) {
		return this.jobs.find(kind.name()).map(this::withDelivered);
	}

	private BackfillStatus withDelivered(BackfillStatus status) {
		String entryKind = this.entryKinds.get(status.kind());
		if (status.dryRun() || entryKind == null || status.written() == 0) {
			return status;
		}
		long undelivered = this.outbox.undelivered(entryKind, EntryPriority.BACKFILL, status.startedAt());
		return status.withDelivered(Math.max(0, status.written() - undelivered));
	}

	/**
	 * Pause every running import; {@link #resume()} continues from its cursor.
	 * @return how many were paused
	 */
	public int pause() {
		return this.jobs.move(null, List.of(BackfillState.RUNNING), BackfillState.PAUSED);
	}

	/**
	 * Resume every paused import (after a pause, or after its source failed) from its cursor.
	 * @return how many were resumed
	 */
	public int resume() {
		int resumed = this.jobs.move(null, List.of(BackfillState.PAUSED), BackfillState.RUNNING);
		wake();
		return resumed;
	}

	/**
	 * Cancel every running or paused import; a new start begins from the first page. What was written stays in the
	 * outbox and is delivered.
	 * @return how many were cancelled
	 */
	public int cancel() {
		return this.jobs.move(null, List.of(BackfillState.RUNNING, BackfillState.PAUSED), BackfillState.CANCELLED);
	}

	/**
	 * Run the imports on a background thread until {@link #close()}.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread runner = new Thread(this::runLoop, "influence-backfill");
		runner.setDaemon(true);
		this.thread = runner;
		runner.start();
	}

	/**
	 * Whether the background thread runs.
	 * @return whether {@link #start()} was called and not {@link #close()}
	 */
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		Thread runner;
		synchronized (this) {
			this.closed = true;
			this.running = false;
			runner = this.thread;
			this.thread = null;
		}
		wake();
		if (runner != null) {
			try {
				runner.join(this.settings.lease().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (BackfillKind<?> kind : kinds()) {
			try {
				this.jobs.release(kind.name(), this.settings.node());
			}
			catch (RuntimeException ex) {
				logger.debug("Could not release the backfill lease of {}; it expires by itself", kind, ex);
			}
		}
	}

	private void runLoop() {
		while (this.running) {
			try {
				work();
			}
			catch (RuntimeException ex) {
				logger.warn("influence4j backfill could not reach its table; trying again: {}", ex.toString());
			}
			synchronized (this.wake) {
				if (this.running) {
					try {
						this.wake.wait(this.settings.pollInterval().toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
	}

	private void wake() {
		synchronized (this.wake) {
			this.wake.notifyAll();
		}
	}

	/**
	 * Work on the first running kind, as far as the backlog allows, unless a kind before it is paused.
	 * @return what happened, for tests and logs
	 */
	Progress work() {
		boolean paused = false;
		for (BackfillKind<?> kind : kinds()) {
			BackfillState state = this.jobs.find(kind.name()).map(BackfillStatus::state).orElse(null);
			if (state == BackfillState.PAUSED) {
				paused = true;
			}
			if (state != BackfillState.RUNNING) {
				continue;
			}
			// The first running kind runs alone, and not while a kind before it is paused: orders wait for customers.
			if (paused) {
				return Progress.WAITING;
			}
			if (!this.jobs.claim(kind.name(), this.settings.node(), this.settings.lease())) {
				return Progress.ELSEWHERE;
			}
			return importPages(source(kind));
		}
		return Progress.IDLE;
	}

	private <R, T> Progress importPages(BackfillSource<R, T> source) {
		String kind = source.kind().name();
		while (!this.closed) {
			BackfillStatus status = this.jobs.find(kind).orElseThrow();
			if (status.state() != BackfillState.RUNNING || !this.settings.node().equals(status.node())) {
				return Progress.STOPPED;
			}
			long pending = this.outbox.unfinished(EntryPriority.BACKFILL);
			if (!status.dryRun() && pending + this.settings.pageSize() > this.settings.maxPending()) {
				this.jobs.claim(kind, this.settings.node(), this.settings.lease());
				return Progress.BACKLOG;
			}
			BackfillPage<R> page;
			try {
				page = source.page(status.cursor(), this.settings.pageSize());
			}
			catch (RuntimeException ex) {
				return pause(kind, ex.toString());
			}
			try {
				if (!this.pages.write(source, status, page)) {
					return Progress.STOPPED;
				}
			}
			catch (BackfillPages.SourceFailure ex) {
				return pause(kind, String.valueOf(ex.getMessage()));
			}
			this.nudge.run();
			logProgress(status, page.items().size());
			if (page.next() == null) {
				this.jobs.finish(kind, this.settings.node());
				BackfillStatus done = this.jobs.find(kind).orElseThrow();
				logger.info("influence4j backfill of {} done: {} read, {} written, {} failed in {}{}", kind, done.read(),
						done.written(), done.failed(), Duration.between(done.startedAt(), this.clock.instant()).withNanos(0),
						done.dryRun() ? " (dry run, nothing sent)" : "");
				wake();
				return Progress.DONE;
			}
		}
		return Progress.STOPPED;
	}

	private Progress pause(String kind, String failure) {
		logger.warn("influence4j backfill of {} paused: the source failed: {}. Fix the source and resume.", kind,
				failure);
		this.jobs.pauseWithError(kind, this.settings.node(), "the " + kind + " source failed: " + failure);
		return Progress.PAUSED;
	}

	private void logProgress(BackfillStatus before, int read) {
		Long total = before.total();
		if (total == null || total == 0) {
			return;
		}
		long tenthBefore = before.read() * 10 / total;
		long tenthAfter = Math.min(10, (before.read() + read) * 10 / total);
		if (tenthAfter > tenthBefore && tenthAfter < 10) {
			logger.info("influence4j backfill of {}: {} % ({} of {} read)", before.kind(), tenthAfter * 10,
					before.read() + read, total);
		}
	}

	private List<BackfillStatus> statuses(BackfillRequest request) {
		List<BackfillStatus> statuses = new ArrayList<>();
		for (BackfillKind<?> kind : request.kinds()) {
			status(kind).ifPresent(statuses::add);
		}
		return statuses;
	}

	/** The paused kinds before the first one asked for, which it waits for, in words (or nothing). */
	private String waitingFor(BackfillRequest request) {
		int first = request.kinds().iterator().next().order();
		List<String> paused = kinds().stream()
			.filter((kind) -> kind.order() < first)
			.filter((kind) -> this.jobs.find(kind.name()).filter((status) -> status.state() == BackfillState.PAUSED)
				.isPresent())
			.map(BackfillKind::name)
			.toList();
		return paused.isEmpty() ? "" : "; waits for " + String.join(", ", paused) + " (paused: resume or cancel it)";
	}

	private static String describe(List<BackfillStatus> statuses) {
		return String.join(", ", statuses.stream()
			.map((status) -> status.kind() + " is " + status.state().name().toLowerCase(Locale.ROOT)
					+ ((status.node() != null) ? " on node " + status.node() : "") + " (" + status.read() + " read)")
			.toList());
	}

	/**
	 * What one round of work did.
	 */
	enum Progress {

		/** Nothing to import. */
		IDLE,

		/** Another node holds the lease of the kind that runs now. */
		ELSEWHERE,

		/** A kind before the running one is paused: the running one waits until it is resumed and done. */
		WAITING,

		/** The backlog is full: the next page waits for it to drain. */
		BACKLOG,

		/** The source failed; the import is paused. */
		PAUSED,

		/** Paused, cancelled or taken over by a person or another node. */
		STOPPED,

		/** A kind is done. */
		DONE

	}

	private BackfillSource<?, ?> source(BackfillKind<?> kind) {
		BackfillSource<?, ?> source = this.sources.get(kind.name());
		if (source == null) {
			throw new IllegalStateException("no BackfillSource for " + kind);
		}
		return source;
	}

}
