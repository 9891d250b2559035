package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.resilience4j.core.functions.Either;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to each claimed entry: its payload read once, its age and its dependencies checked (for the whole
 * batch in one statement), the supersede check where it can matter, the attempt, and the outcome turned into what
 * the {@link OutcomeRecorder} writes. Every retry decision comes from the Resilience4j retry configuration.
 */
final class EntryProcessor {

	private static final Logger logger = LoggerFactory.getLogger(EntryProcessor.class);

	private final Map<String, EntryKind<?>> kinds;

	private final DeliverySettings settings;

	private final OutcomeRecorder recorder;

	private final DeliveryCircuit circuit;

	private final Outbox outbox;

	private final DeliveryListener listener;

	private final Clock clock;

	private final Waiter waiter;

	private final EntryObservations observations;

	private volatile @Nullable Instant pausedUntil;

	private volatile boolean stopping;

	private volatile @Nullable String pauseReason;

	EntryProcessor(Map<String, EntryKind<?>> kinds, DeliverySettings settings, OutcomeRecorder recorder,
			DeliveryCircuit circuit, Outbox outbox, DeliveryListener listener, Clock clock, Waiter waiter,
			EntryObservations observations) {
		this.kinds = kinds;
		this.settings = settings;
		this.recorder = recorder;
		this.circuit = circuit;
		this.outbox = outbox;
		this.listener = listener;
		this.clock = clock;
		this.waiter = waiter;
		this.observations = observations;
	}

	/**
	 * Sort a claimed batch: entries that cannot be read, are too old or have no kind are recorded as dead
	 * letters, entries whose dependencies are unfinished wait, and the rest are ready.
	 * @param claimed the claimed entries
	 * @return the entries to attempt
	 */
	List<Ready<?>> prepare(List<OutboxEntry> claimed) {
		Instant now = this.clock.instant();
		List<Ready<?>> parsed = new ArrayList<>();
		Set<String> dependencies = new HashSet<>();
		for (OutboxEntry entry : claimed) {
			Ready<?> ready = parse(entry, now);
			if (ready != null) {
				parsed.add(ready);
				dependencies.addAll(ready.dependencies());
			}
		}
		Map<String, Long> oldest = dependencies.isEmpty() ? Map.of() : this.outbox.oldestUnfinished(dependencies);
		List<Ready<?>> ready = new ArrayList<>();
		for (Ready<?> candidate : parsed) {
			Set<String> unfinished = new LinkedHashSet<>();
			for (String key : candidate.dependencies()) {
				Long first = oldest.get(key);
				if (first != null && first < candidate.entry().id()) {
					unfinished.add(key);
				}
			}
			if (unfinished.isEmpty()) {
				ready.add(candidate);
			}
			else {
				// Waiting is not a failure: the entry keeps its attempts and its last error, and is due again as
				// soon as this node delivers what it waits for (or after the dependency wait).
				Instant until = now.plus(this.settings.dependencyWait());
				this.recorder.waitFor(candidate.entry(), unfinished, until);
				this.waiter.wakeBy(until);
				try (EntryObservations.Handling handling = this.observations.start(candidate.entry())) {
					handling.context().handled("waiting", null);
					logger.debug("{} waits for {} to be delivered first", candidate.entry(), unfinished);
				}
			}
		}
		return ready;
	}

	private @Nullable Ready<?> parse(OutboxEntry entry, Instant now) {
		EntryKind<?> kind = this.kinds.get(entry.kind());
		if (kind == null) {
			this.recorder.dead(entry, "no entry kind '" + entry.kind() + "' on node " + this.settings.nodeId()
					+ " (is the feature that wrote it switched off?)", false);
			this.observations.handledWithoutAttempt(entry, "dead", "unknown-kind");
			return null;
		}
		if (Duration.between(entry.createdAt(), now).compareTo(this.settings.maxAge()) > 0) {
			this.recorder.dead(entry, "gave up: older than " + this.settings.maxAge() + " after " + entry.attempts()
					+ " attempts" + ((entry.lastError() != null) ? "; last error: " + entry.lastError() : ""), false);
			this.observations.handledWithoutAttempt(entry, "dead", "too-old");
			return null;
		}
		try {
			return Ready.of(kind, entry);
		}
		catch (IllegalArgumentException ex) {
			this.recorder.dead(entry, String.valueOf(ex.getMessage()), true);
			this.observations.handledWithoutAttempt(entry, "dead", "unreadable");
			return null;
		}
	}

	/**
	 * Attempt one entry and record its outcome.
	 * @param ready the entry
	 */
	<P> void deliver(Ready<P> ready) {
		try (EntryObservations.Handling handling = this.observations.start(ready.entry())) {
			try {
				attempt(ready, handling.context());
			}
			catch (RuntimeException | Error ex) {
				handling.failed(ex);
				throw ex;
			}
		}
	}

	private <P> void attempt(Ready<P> ready, DeliveryObservationContext observed) {
		OutboxEntry entry = ready.entry();
		// Only an entry that was requeued (or failed before) can be older than a delivered one of its key.
		if (ready.kind().fullState() && entry.lastError() != null && this.outbox.hasNewerDelivered(entry)) {
			this.recorder.superseded(entry);
			observed.handled("superseded", null);
			return;
		}
		long started = System.nanoTime();
		DeliveryOutcome outcome;
		try {
			outcome = ready.kind().deliver(ready.payload(), DeliveryAttempt.of(entry));
		}
		catch (RuntimeException ex) {
			outcome = DeliveryOutcome.retry(ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""), ex);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		if (this.stopping && outcome instanceof DeliveryOutcome.Retry) {
			// Interrupted by the shutdown, most likely: not a failure of Influence.io, and not an attempt to count.
			this.recorder.reschedule(entry, this.clock.instant(), "interrupted by shutdown", false);
			observed.handled("retried", "interrupted");
			return;
		}
		this.circuit.record(outcome, took);
		if (outcome instanceof DeliveryOutcome.Retry retry && retry.countsAttempt() && this.circuit.holdsClaims()) {
			// An outage, not this entry's fault: the trials the circuit breaker lets through while it lasts must not
			// use up the entry's attempts.
			outcome = new DeliveryOutcome.Retry(retry.reason(), retry.after(), false, retry.cause());
		}
		record(entry, outcome, took, observed);
	}

	private void record(OutboxEntry entry, DeliveryOutcome outcome, Duration took, DeliveryObservationContext observed) {
		Instant now = this.clock.instant();
		if (outcome instanceof DeliveryOutcome.Delivered) {
			this.recorder.delivered(entry, took);
			observed.handled("delivered", null);
			resumeIfPaused();
		}
		else if (outcome instanceof DeliveryOutcome.Dead dead) {
			this.recorder.dead(entry, dead.reason(), true);
			observed.handled("dead", "rejected");
		}
		else if (outcome instanceof DeliveryOutcome.Pause pause) {
			Duration duration = (pause.duration() != null) ? pause.duration() : this.settings.authPause();
			pause(pause.reason(), duration);
			this.recorder.reschedule(entry, now.plus(duration), pause.reason(), false);
			observed.handled("paused", "refused");
		}
		else if (outcome instanceof DeliveryOutcome.Retry retry) {
			retry(entry, retry, now, observed);
		}
	}

	private void retry(OutboxEntry entry, DeliveryOutcome.Retry retry, Instant now, DeliveryObservationContext observed) {
		Throwable cause = retry.cause();
		String error = (cause != null) ? cause.getClass().getSimpleName() : "failed";
		if (cause != null && !this.settings.retry().getExceptionPredicate().test(cause)) {
			this.recorder.dead(entry, "not retried by the retry policy: " + retry.reason(), true);
			observed.handled("dead", error);
			return;
		}
		int attempt = entry.attempts() + (retry.countsAttempt() ? 1 : 0);
		if (attempt >= this.settings.retry().getMaxAttempts()) {
			this.recorder.dead(entry, "gave up after " + attempt + " attempts: " + retry.reason(), true);
			observed.handled("dead", error);
			return;
		}
		Duration wait = (retry.after() != null) ? retry.after() : Duration.ofMillis(this.settings.retry()
			.<Object>getIntervalBiFunction()
			.apply(Math.max(1, attempt), Either.left((cause != null) ? cause : new IllegalStateException(retry.reason()))));
		this.recorder.reschedule(entry, now.plus(wait), retry.reason(), retry.countsAttempt());
		observed.handled("retried", error);
		this.waiter.wakeBy(now.plus(wait));
		this.listener.retrying(entry, retry.reason());
		logger.debug("Attempt {} of {} failed, next in {}: {}", attempt, entry, wait, retry.reason());
	}

	/**
	 * Treat what fails from now on as interrupted by the shutdown.
	 */
	void stopping() {
		this.stopping = true;
	}

	/**
	 * Why delivery is paused after a refused key, while it is.
	 * @return the reason, or empty
	 */
	Optional<String> pauseReason() {
		// Paused until an attempt succeeds, not only until the next trial: a refused key needs a person.
		return (this.pausedUntil != null) ? Optional.ofNullable(this.pauseReason) : Optional.empty();
	}

	/**
	 * Until when delivery is paused.
	 * @return the end of the pause, or empty
	 */
	Optional<Instant> pausedUntil() {
		Instant until = this.pausedUntil;
		return (until != null && this.clock.instant().isBefore(until)) ? Optional.of(until) : Optional.empty();
	}

	private void pause(String reason, Duration duration) {
		boolean alreadyPaused = this.pausedUntil != null;
		this.pauseReason = reason;
		this.pausedUntil = this.clock.instant().plus(duration);
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

	/**
	 * An entry ready for its attempt, its payload read once.
	 *
	 * @param <P> the payload type
	 * @param kind its kind
	 * @param entry the claimed entry
	 * @param payload the payload
	 * @param dependencies what it waits for
	 */
	record Ready<P>(EntryKind<P> kind, OutboxEntry entry, P payload, Set<String> dependencies) {

		static <P> Ready<P> of(EntryKind<P> kind, OutboxEntry entry) {
			P payload = EntryPayloads.read(entry, kind.payloadType());
			return new Ready<>(kind, entry, payload, new LinkedHashSet<>(kind.dependsOn(payload)));
		}

	}

}
