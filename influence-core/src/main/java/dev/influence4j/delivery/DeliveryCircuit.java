package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Resilience4j circuit breaker in front of delivery. When too many attempts fail transiently it opens: one
 * WARN line with the reason, and no entry is claimed for its wait, so an outage is a pause instead of a storm of
 * failing attempts. Then it lets one trial through, after making every entry that waits on backoff due (they are
 * claimed only once the trial succeeds); when the trial succeeds it closes, with one INFO line saying how long
 * delivery failed and how many entries had waited, and those entries drain at once. A trial with nothing to try
 * (another node delivered everything) closes it too: a half-open breaker that waits for an entry would hold the
 * node back and report it as failing.
 */
final class DeliveryCircuit {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryCircuit.class);

	private final CircuitBreaker breaker;

	private final Clock clock;

	private volatile String lastFailure = "unknown";

	private volatile @Nullable Instant failingSince;

	private volatile int broughtForward;

	private volatile boolean untried;

	private final AtomicReference<@Nullable Recovery> recovery = new AtomicReference<>();

	DeliveryCircuit(CircuitBreakerConfig config, String node, Clock clock) {
		this.breaker = CircuitBreaker.of("influence-delivery-" + node, config);
		this.clock = clock;
		this.breaker.getEventPublisher().onStateTransition((event) -> transitioned(event.getStateTransition()));
	}

	/**
	 * How many entries may be claimed now.
	 * @param wanted how many the loop would claim
	 * @param outbox to make waiting entries due before a trial
	 * @return all that are wanted (closed), one trial (after the open wait), or none
	 */
	int permits(int wanted, Outbox outbox) {
		CircuitBreaker.State state = this.breaker.getState();
		if (state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.DISABLED) {
			return wanted;
		}
		// Open: the first permission after the wait turns the breaker half open. Half open: a trial whose entry was
		// not attempted gave its permission back, so another is tried; without this the breaker would stay half
		// open, and the node idle, for as long as it runs.
		if ((state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN)
				&& this.breaker.tryAcquirePermission()) {
			if (state == CircuitBreaker.State.OPEN) {
				// The entries waiting on backoff are due, so that a trial exists and so that they go at once if it
				// succeeds.
				this.broughtForward += outbox.bringForward();
			}
			return 1;
		}
		return 0;
	}

	/**
	 * A trial permission that was not used because what was claimed is not attempted (it waits for another entry,
	 * is superseded or cannot be read), so no outcome will reach the breaker: it is given back for another trial.
	 */
	void unused() {
		if (this.breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
			this.breaker.releasePermission();
		}
	}

	/**
	 * A trial found nothing due, even after the entries waiting on backoff were made due: another node delivered
	 * them, or they were given up on or requeued. With nothing to try there is no storm of failing attempts to
	 * prevent, so the breaker closes (a failure opens it again) rather than hold this node back, and report it
	 * as failing, until an entry arrives.
	 */
	void nothingDue() {
		if (this.breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
			this.untried = true;
			this.breaker.transitionToClosedState();
		}
	}

	/**
	 * Whether the breaker is open or half open: delivery fails as a whole.
	 * @return whether claims are held back
	 */
	boolean holdsClaims() {
		CircuitBreaker.State state = this.breaker.getState();
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN;
	}

	/**
	 * Whether claims are held back.
	 * @return the reason while they are, or empty
	 */
	Optional<String> pauseReason() {
		CircuitBreaker.State state = this.breaker.getState();
		return holdsClaims()
				? Optional.of("Influence.io deliveries are failing (circuit breaker " + state.name().toLowerCase() + "): "
						+ this.lastFailure)
				: Optional.empty();
	}

	/**
	 * Count an attempt's outcome: transient failures count against Influence.io, anything it answered for it.
	 * @param outcome the outcome
	 * @param took how long the attempt took
	 */
	void record(DeliveryOutcome outcome, Duration took) {
		if (outcome instanceof DeliveryOutcome.Retry retry) {
			this.lastFailure = retry.reason();
			Throwable cause = (retry.cause() != null) ? retry.cause() : new IllegalStateException(retry.reason());
			this.breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, cause);
		}
		else {
			this.breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The recovery that happened since the last call, once.
	 * @return how long delivery had failed and how many entries had waited, or empty
	 */
	Optional<Recovery> takeRecovery() {
		return Optional.ofNullable(this.recovery.getAndSet(null));
	}

	private void transitioned(CircuitBreaker.StateTransition transition) {
		switch (transition) {
			case CLOSED_TO_OPEN -> {
				this.failingSince = this.clock.instant();
				this.broughtForward = 0;
				logger.warn("Influence.io deliveries are failing ({} % of the last attempts), last: {}. influence4j stops "
						+ "claiming entries for {} and then tries one; nothing is lost meanwhile.",
						Math.round(this.breaker.getMetrics().getFailureRate()), this.lastFailure,
						this.breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms");
			}
			case HALF_OPEN_TO_CLOSED -> {
				Instant since = this.failingSince;
				this.recovery.set(new Recovery((since != null) ? Duration.between(since, this.clock.instant())
						: Duration.ZERO, this.broughtForward, !this.untried));
				this.untried = false;
				this.failingSince = null;
			}
			default -> logger.debug("Delivery circuit breaker: {}", transition);
		}
	}

	/**
	 * Delivery works again.
	 *
	 * @param failedFor how long it had failed
	 * @param waited how many entries waited on backoff and were made due
	 * @param confirmed whether an attempt succeeded, or the breaker closed because nothing was left to try
	 */
	record Recovery(Duration failedFor, int waited, boolean confirmed) {
	}

}
