package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.core.functions.Either;

import dev.influence4j.Require;

/**
 * Sends outbox entries: nudged right after a commit, polling otherwise. It claims due entries (one at a time
 * per entity, oldest first), hands them to their {@link EntryKind} on a bounded pool of workers, and records
 * the {@link DeliveryOutcome}: delivered, another attempt after the retry policy's backoff (or Influence.io's
 * {@code Retry-After}), a dead letter, or a pause (when Influence.io refuses the API key, delivery pauses
 * instead of burning attempts). Several dispatchers (one per node) can share one database.
 * <p>
 * {@link #close()} stops claiming, waits for deliveries in progress up to the shutdown timeout, and
 * releases every claim it still holds so that the next node or start takes over at once.
 */
public final class OutboxDispatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

	private final Outbox outbox;

	private final Map<String, EntryKind<?>> kinds;

	private final DeliverySettings settings;

	private final DeliveryListener listener;

	private final Clock clock;

	private final Semaphore workerSlots;

	private ExecutorService workers;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wakeUp = this.lock.newCondition();

	private boolean signalled;

	private volatile boolean running;

	private volatile @Nullable Instant pausedUntil;

	private volatile @Nullable String pauseReason;

	private @Nullable Thread poller;

	private Instant nextPurge;

	/**
	 * Create a dispatcher; call {@link #start()} to begin delivering.
	 * @param outbox the outbox to deliver from
	 * @param kinds the kinds of entries it delivers, one per name
	 * @param settings how to deliver
	 * @param listener told about outcomes, for metrics
	 * @param clock the clock, shared with the outbox
	 */
	public OutboxDispatcher(Outbox outbox, Collection<? extends EntryKind<?>> kinds, DeliverySettings settings,
			DeliveryListener listener, Clock clock) {
		this.outbox = Require.present(outbox, "outbox");
		this.settings = Require.present(settings, "delivery settings");
		this.listener = Require.present(listener, "delivery listener");
		this.clock = Require.present(clock, "clock");
		Map<String, EntryKind<?>> byName = new HashMap<>();
		for (EntryKind<?> kind : kinds) {
			if (byName.put(kind.name(), kind) != null) {
				throw new IllegalArgumentException("two entry kinds named " + kind.name());
			}
		}
		this.kinds = Map.copyOf(byName);
		this.workerSlots = new Semaphore(settings.concurrency());
		this.workers = newWorkers();
		this.nextPurge = clock.instant();
	}

	private ExecutorService newWorkers() {
		return Executors.newFixedThreadPool(this.settings.concurrency(), threads("influence-delivery-"));
	}

	/**
	 * Start polling on a background thread. A dispatcher stopped with {@link #close()} can be started again.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		if (this.workers.isShutdown()) {
			this.workers = newWorkers();
		}
		this.running = true;
		Thread thread = threads("influence-dispatcher-").newThread(this::pollLoop);
		this.poller = thread;
		thread.start();
		logger.info("influence4j delivery started on node {} (poll every {}, {} at a time)", this.settings.nodeId(),
				this.settings.pollInterval(), this.settings.concurrency());
	}

	/**
	 * Wake the dispatcher now instead of at the next poll, for example right after a commit that wrote
	 * entries. Cheap; safe to call from any thread.
	 */
	public void nudge() {
		this.lock.lock();
		try {
			this.signalled = true;
			this.wakeUp.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether the dispatcher is running.
	 * @return whether it was started and not closed
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Why delivery is paused, while it is.
	 * @return the reason (an authentication failure), or empty when delivering normally
	 */
	public Optional<String> pauseReason() {
		Instant until = this.pausedUntil;
		return (until != null && this.clock.instant().isBefore(until)) ? Optional.ofNullable(this.pauseReason)
				: Optional.empty();
	}

	/**
	 * The outbox this dispatcher delivers from.
	 * @return the outbox
	 */
	public Outbox outbox() {
		return this.outbox;
	}

	/**
	 * Claim and deliver once, on the calling thread, whatever is due now (at most a batch). For tests and
	 * for applications that drive delivery themselves instead of calling {@link #start()}.
	 * @return how many entries were claimed
	 */
	public int deliverDueNow() {
		List<OutboxEntry> claimed = this.outbox.claim(this.settings.nodeId(), this.settings.batchSize(),
				this.settings.lease());
		claimed.forEach(this::process);
		return claimed.size();
	}

	private void pollLoop() {
		while (this.running) {
			try {
				boolean moreWork = pollOnce();
				if (!moreWork) {
					awaitSignal(this.settings.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("influence4j delivery could not poll the outbox; trying again in {}",
						this.settings.pollInterval(), ex);
				try {
					awaitSignal(this.settings.pollInterval());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * One round: claim what fits into free worker slots and hand it out.
	 * @return whether another round should follow at once
	 */
	private boolean pollOnce() throws InterruptedException {
		Instant until = this.pausedUntil;
		Instant now = this.clock.instant();
		if (until != null && now.isBefore(until)) {
			awaitSignal(Duration.between(now, until));
			return true;
		}
		purgeIfDue(now);
		int free = this.workerSlots.availablePermits();
		if (free == 0) {
			// Every worker is busy: wait until one finishes (it signals).
			awaitSignal(this.settings.pollInterval());
			return true;
		}
		int wanted = Math.min(free, this.settings.batchSize());
		List<OutboxEntry> claimed = this.outbox.claim(this.settings.nodeId(), wanted, this.settings.lease());
		for (OutboxEntry entry : claimed) {
			this.workerSlots.acquire();
			if (!this.running) {
				this.workerSlots.release();
				break;
			}
			this.workers.execute(() -> {
				try {
					process(entry);
				}
				finally {
					this.workerSlots.release();
					nudge();
				}
			});
		}
		return this.running && claimed.size() == wanted;
	}

	private void awaitSignal(Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (!this.signalled && this.running && nanos > 0) {
				nanos = this.wakeUp.awaitNanos(nanos);
			}
			this.signalled = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void purgeIfDue(Instant now) {
		if (now.isBefore(this.nextPurge)) {
			return;
		}
		this.nextPurge = now.plus(PURGE_INTERVAL);
		int purged = this.outbox.purge(now.minus(this.settings.retention()), now.minus(this.settings.dedupRetention()));
		if (purged > 0) {
			logger.debug("Purged {} finished outbox entries", purged);
		}
	}

	private void process(OutboxEntry entry) {
		String node = this.settings.nodeId();
		EntryKind<?> kind = this.kinds.get(entry.kind());
		Instant now = this.clock.instant();
		if (kind == null) {
			dead(entry, "no entry kind '" + entry.kind() + "' on node " + node
					+ " (is the feature that wrote it switched off?)", false);
			return;
		}
		if (Duration.between(entry.createdAt(), now).compareTo(this.settings.maxAge()) > 0) {
			dead(entry, "gave up: older than " + this.settings.maxAge() + " after " + entry.attempts() + " attempts"
					+ lastError(entry), false);
			return;
		}
		attempt(kind, entry, now);
	}

	private <P> void attempt(EntryKind<P> kind, OutboxEntry entry, Instant now) {
		String node = this.settings.nodeId();
		P payload;
		try {
			payload = EntryPayloads.read(entry, kind.payloadType());
		}
		catch (IllegalArgumentException ex) {
			dead(entry, String.valueOf(ex.getMessage()), true);
			return;
		}
		Collection<String> dependencies = kind.dependsOn(payload);
		if (!dependencies.isEmpty() && this.outbox.hasUnfinished(dependencies, entry.id())) {
			// Waiting is not a failure: the entry keeps its attempts and its last error.
			logger.debug("{} waits for {} to be delivered first", entry, dependencies);
			this.outbox.reschedule(entry, node, now.plus(this.settings.dependencyWait()), null, false);
			return;
		}
		if (kind.fullState() && this.outbox.hasNewerDelivered(entry)) {
			this.outbox.markSuperseded(entry, node);
			return;
		}
		long started = System.nanoTime();
		DeliveryOutcome outcome;
		try {
			outcome = kind.deliver(payload, DeliveryAttempt.of(entry));
		}
		catch (RuntimeException ex) {
			outcome = DeliveryOutcome.retry(describe(ex), ex);
		}
		record(entry, outcome, Duration.ofNanos(System.nanoTime() - started));
	}

	private void record(OutboxEntry entry, DeliveryOutcome outcome, Duration took) {
		String node = this.settings.nodeId();
		Instant now = this.clock.instant();
		if (outcome instanceof DeliveryOutcome.Delivered) {
			if (!this.outbox.markDelivered(entry, node)) {
				logger.warn("Delivered {} but its claim had expired; another node may deliver it again. "
						+ "Consider a longer lease.", entry);
			}
			this.listener.delivered(entry, took);
			resumeIfPaused();
		}
		else if (outcome instanceof DeliveryOutcome.Dead dead) {
			dead(entry, dead.reason(), true);
		}
		else if (outcome instanceof DeliveryOutcome.Pause pause) {
			Duration duration = (pause.duration() != null) ? pause.duration() : this.settings.authPause();
			pause(pause.reason(), duration);
			this.outbox.reschedule(entry, node, now.plus(duration), pause.reason(), false);
		}
		else if (outcome instanceof DeliveryOutcome.Retry retry) {
			retry(entry, retry, now);
		}
	}

	private void retry(OutboxEntry entry, DeliveryOutcome.Retry retry, Instant now) {
		Throwable cause = retry.cause();
		if (cause != null && !this.settings.retry().getExceptionPredicate().test(cause)) {
			dead(entry, "not retried by the retry policy: " + retry.reason(), true);
			return;
		}
		int attempt = entry.attempts() + (retry.countsAttempt() ? 1 : 0);
		if (attempt >= this.settings.retry().getMaxAttempts()) {
			dead(entry, "gave up after " + attempt + " attempts: " + retry.reason(), true);
			return;
		}
		Duration wait = (retry.after() != null) ? retry.after() : Duration.ofMillis(this.settings.retry()
			.<Object>getIntervalBiFunction()
			.apply(Math.max(1, attempt), Either.left((cause != null) ? cause : new IllegalStateException(retry.reason()))));
		this.outbox.reschedule(entry, this.settings.nodeId(), now.plus(wait), retry.reason(), retry.countsAttempt());
		this.listener.retrying(entry, retry.reason());
		logger.debug("Attempt {} of {} failed, next in {}: {}", attempt, entry, wait, retry.reason());
	}

	private void dead(OutboxEntry entry, String reason, boolean countAttempt) {
		if (this.outbox.markDead(entry, this.settings.nodeId(), reason, countAttempt)) {
			logger.warn("influence4j gave up on {}: {}. It is kept as a dead letter and can be requeued.", entry, reason);
			this.listener.dead(entry, reason);
		}
	}

	private void pause(String reason, Duration duration) {
		Instant until = this.clock.instant().plus(duration);
		boolean alreadyPaused = this.pausedUntil != null;
		this.pauseReason = reason;
		this.pausedUntil = until;
		if (!alreadyPaused) {
			logger.error("influence4j delivery paused for {}: {}. Entries keep their attempts and resume "
					+ "automatically once the key is accepted.", duration, reason);
		}
		this.listener.paused(duration);
	}

	private void resumeIfPaused() {
		if (this.pausedUntil != null) {
			this.pausedUntil = null;
			this.pauseReason = null;
			logger.info("influence4j delivery resumed: Influence.io accepted the credentials again");
		}
	}

	private static String lastError(OutboxEntry entry) {
		return (entry.lastError() != null) ? "; last error: " + entry.lastError() : "";
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	@Override
	public void close() {
		Thread thread;
		synchronized (this) {
			if (!this.running) {
				this.workers.shutdownNow();
				return;
			}
			this.running = false;
			thread = this.poller;
		}
		// The poller is woken, not interrupted: an interrupt can break a JDBC call in progress (H2 closes its
		// file on interrupts).
		nudge();
		this.workers.shutdown();
		try {
			if (thread != null) {
				thread.join(this.settings.shutdownTimeout().toMillis());
			}
			if (!this.workers.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				this.workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.workers.shutdownNow();
		}
		try {
			int released = this.outbox.releaseAll(this.settings.nodeId());
			logger.info("influence4j delivery stopped on node {}{}", this.settings.nodeId(),
					(released > 0) ? "; released " + released + " claimed entries for other nodes" : "");
		}
		catch (RuntimeException ex) {
			// Claims not released expire with their lease: another node (or the next start) takes them over.
			logger.warn("influence4j delivery stopped on node {} but could not release its claims; they will be "
					+ "taken over when their lease expires", this.settings.nodeId(), ex);
		}
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
