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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.influence4j.Require;

/**
 * Sends outbox entries, in pieces as db-scheduler does: a loop ({@link #start()}) that records outcomes, keeps
 * house ({@link Housekeeping}), claims batches that fill the free workers and hands them to a bounded pool, then
 * waits ({@link Waiter}: nudged right after a commit, polling otherwise); the {@link EntryProcessor} that attempts
 * each entry with its {@link EntryKind}; the {@link OutcomeRecorder} that writes the outcomes in batches; and the
 * {@link DeliveryCircuit} that turns an outage into a pause. Several dispatchers (one per node) can share one
 * database.
 * <p>
 * {@link #close()} stops claiming, waits for deliveries in progress up to the shutdown timeout, and releases
 * every claim it still holds so that the next node or start takes over at once.
 */
public final class OutboxDispatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

	/** How long recorded outcomes wait for more before they are written together. */
	private static final Duration LINGER = Duration.ofMillis(5);

	/** How long the loop waits after the database failed it. */
	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private final Outbox outbox;

	private final Map<String, EntryKind<?>> kinds;

	private final DeliverySettings settings;

	private final DeliveryListener listener;

	private final Clock clock;

	private final AtomicInteger outstanding = new AtomicInteger();

	private Waiter waiter;

	private OutcomeRecorder recorder;

	private DeliveryCircuit circuit;

	private final EntryObservations observations;

	private EntryProcessor processor;

	private ExecutorService workers;

	private volatile boolean running;

	private @Nullable Thread loop;

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
		this(outbox, kinds, settings, listener, clock, ObservationRegistry.NOOP, null);
	}

	/**
	 * Create a dispatcher that observes every entry it handles ({@link DeliveryObservation#DELIVERY}); call
	 * {@link #start()} to begin delivering.
	 * @param outbox the outbox to deliver from
	 * @param kinds the kinds of entries it delivers, one per name
	 * @param settings how to deliver
	 * @param listener told about outcomes
	 * @param clock the clock, shared with the outbox
	 * @param observations where the {@code influence.delivery} observations go
	 * @param convention names and tags them, or {@code null} for {@link DefaultDeliveryObservationConvention}
	 */
	public OutboxDispatcher(Outbox outbox, Collection<? extends EntryKind<?>> kinds, DeliverySettings settings,
			DeliveryListener listener, Clock clock, ObservationRegistry observations,
			@Nullable DeliveryObservationConvention convention) {
		this.observations = new EntryObservations(Require.present(observations, "observation registry"), convention);
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
		this.workers = newWorkers();
		this.waiter = new Waiter(clock);
		this.recorder = new OutcomeRecorder(outbox, settings.nodeId(), listener, clock);
		this.circuit = new DeliveryCircuit(settings.circuitBreaker(), settings.nodeId(), clock);
		this.processor = new EntryProcessor(this.kinds, settings, this.recorder, this.circuit, outbox, listener, clock,
				this.waiter, this.observations);
	}

	private ExecutorService newWorkers() {
		return Executors.newFixedThreadPool(this.settings.concurrency(), threads("influence-delivery-"));
	}

	/**
	 * Start the loop on a background thread. A dispatcher stopped with {@link #close()} can be started again.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		if (this.workers.isShutdown()) {
			this.workers = newWorkers();
			this.waiter = new Waiter(this.clock);
			this.processor = new EntryProcessor(this.kinds, this.settings, this.recorder, this.circuit, this.outbox,
					this.listener, this.clock, this.waiter, this.observations);
		}
		this.running = true;
		Thread thread = threads("influence-dispatcher-").newThread(this::runLoop);
		this.loop = thread;
		thread.start();
		logger.info("influence4j delivery started on node {} (poll every {}, {} at a time)", this.settings.nodeId(),
				this.settings.pollInterval(), this.settings.concurrency());
	}

	/**
	 * Wake the dispatcher now instead of at the next poll, for example right after a commit that wrote
	 * entries. Cheap; safe to call from any thread.
	 */
	public void nudge() {
		this.waiter.wake();
	}

	/**
	 * Whether the dispatcher is running.
	 * @return whether it was started and not closed
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Why delivery is paused, while it is: Influence.io refused the key, or its deliveries fail and the circuit
	 * breaker holds claims back.
	 * @return the reason, or empty when delivering normally
	 */
	public Optional<String> pauseReason() {
		return pause().map(DeliveryPause::reason);
	}

	/**
	 * Whether delivery is paused, and why: Influence.io refused the key (until an attempt succeeds), or its
	 * deliveries fail and the circuit breaker holds claims back.
	 * @return the pause, or empty when delivering normally
	 */
	public Optional<DeliveryPause> pause() {
		Optional<String> refused = this.processor.pauseReason();
		if (refused.isPresent()) {
			return Optional.of(new DeliveryPause(DeliveryPause.Cause.REFUSED, refused.get()));
		}
		return this.circuit.pauseReason().map((reason) -> new DeliveryPause(DeliveryPause.Cause.FAILING, reason));
	}

	/**
	 * The node this dispatcher claims as.
	 * @return its node id
	 */
	public String nodeId() {
		return this.settings.nodeId();
	}

	/**
	 * The outbox this dispatcher delivers from.
	 * @return the outbox
	 */
	public Outbox outbox() {
		return this.outbox;
	}

	/**
	 * Claim and deliver once, on the calling thread, whatever is due now (at most a batch), and record the
	 * outcomes. For tests and for applications that drive delivery themselves instead of calling {@link #start()}.
	 * @return how many entries were claimed
	 */
	public int deliverDueNow() {
		List<OutboxEntry> claimed = this.outbox.claim(this.settings.nodeId(), this.settings.batchSize(),
				this.settings.lease());
		this.processor.prepare(claimed).forEach(this.processor::deliver);
		this.recorder.flush();
		return claimed.size();
	}

	private void runLoop() {
		Housekeeping housekeeping = new Housekeeping(this.outbox, this.settings, this.clock);
		boolean failing = false;
		while (this.running) {
			try {
				Duration wait = round(housekeeping);
				if (failing) {
					logger.info("influence4j delivery reaches the database again");
					failing = false;
				}
				if (!wait.isZero()) {
					this.waiter.await(wait);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!failing) {
					logger.warn("influence4j delivery could not reach the outbox; trying again every {}: {}", AFTER_FAILURE,
							ex.toString());
					failing = true;
				}
				try {
					this.waiter.await(AFTER_FAILURE);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * One round: write outcomes, keep house, claim what the workers can take.
	 * @return how long to wait before the next round ({@code ZERO} for none)
	 */
	private Duration round(Housekeeping housekeeping) {
		boolean recorded = this.recorder.flush();
		Instant nextHousekeeping = housekeeping.run(this.outstanding.get() > 0);
		this.circuit.takeRecovery().ifPresent(this::logRecovery);
		Duration untilHousekeeping = Duration.between(this.clock.instant(), nextHousekeeping);
		Duration idle = min(this.settings.pollInterval(), untilHousekeeping);
		if (!recorded) {
			return AFTER_FAILURE;
		}
		Optional<Instant> paused = this.processor.pausedUntil();
		if (paused.isPresent()) {
			return min(idle, Duration.between(this.clock.instant(), paused.get()));
		}
		int concurrency = this.settings.concurrency();
		// Claim when a worker is free or about to be: one batch ahead at most, so that claims come in batches.
		int capacity = 2 * concurrency;
		int outstanding = this.outstanding.get();
		if (outstanding <= concurrency) {
			int wanted = this.circuit.permits(Math.min(this.settings.batchSize(), capacity - outstanding), this.outbox);
			if (wanted > 0) {
				List<OutboxEntry> claimed = this.outbox.claim(this.settings.nodeId(), wanted, this.settings.lease());
				List<EntryProcessor.Ready<?>> ready = this.processor.prepare(claimed);
				if (claimed.isEmpty()) {
					this.circuit.nothingDue();
				}
				else if (ready.isEmpty()) {
					this.circuit.unused();
				}
				this.outstanding.addAndGet(ready.size());
				ready.forEach(this::submit);
				if (claimed.size() == wanted && this.outstanding.get() <= concurrency) {
					return Duration.ZERO;
				}
			}
			else if (this.circuit.pauseReason().isPresent()) {
				idle = min(idle, AFTER_FAILURE);
			}
		}
		return (this.recorder.size() > 0) ? LINGER : idle;
	}

	private void logRecovery(DeliveryCircuit.Recovery recovery) {
		if (recovery.confirmed()) {
			logger.info("Influence.io deliveries work again after {}; {} entries that waited on backoff are due now",
					recovery.failedFor(), recovery.waited());
		}
		else {
			logger.info("Influence.io deliveries: nothing was left for node {} to try after {} of failures (another "
					+ "node delivered it, or it was given up on); it claims entries again, and a failure stops it again",
					this.settings.nodeId(), recovery.failedFor());
		}
	}

	private void submit(EntryProcessor.Ready<?> ready) {
		this.workers.execute(() -> {
			try {
				this.processor.deliver(ready);
			}
			finally {
				int left = this.outstanding.decrementAndGet();
				if (left <= this.settings.concurrency() || this.recorder.size() >= this.settings.batchSize()) {
					this.waiter.wake();
				}
			}
		});
	}

	private static Duration min(Duration a, Duration b) {
		Duration smaller = (a.compareTo(b) <= 0) ? a : b;
		return smaller.isNegative() ? Duration.ZERO : smaller;
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
			thread = this.loop;
		}
		// The loop is woken, not interrupted: an interrupt can break a JDBC call in progress (H2 closes its file on
		// interrupts).
		this.processor.stopping();
		this.waiter.close();
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
			this.recorder.flush();
			int released = this.outbox.releaseAll(this.settings.nodeId());
			this.outstanding.set(0);
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
