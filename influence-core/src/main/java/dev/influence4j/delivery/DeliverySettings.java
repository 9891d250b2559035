package dev.influence4j.delivery;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import dev.influence4j.Require;

/**
 * How the dispatcher works. Immutable; start from {@link #defaults()}.
 *
 * @param nodeId this node's name in claims; unique per running instance
 * @param pollInterval how often the outbox is polled when nothing nudges the dispatcher
 * @param batchSize most entries claimed at once
 * @param concurrency most entries sent at the same time (always of different entities)
 * @param retry the Resilience4j retry configuration every retry decision of the outbox is taken from: its
 * maximum attempts (where an entry becomes a dead letter), its interval function (the wait before each attempt,
 * given the attempt number stored with the entry and the failure) and its exception predicate (a failure it
 * refuses makes a dead letter); a {@code Retry-After} from Influence.io is honoured instead of the interval
 * @param maxAge age after which an entry that still fails becomes a dead letter
 * @param lease how long a claim holds without renewal; a node renews its claims every quarter of it while it
 * delivers, so the claims of a node that died are taken over after about this time
 * @param authPause how long delivery pauses after Influence.io refuses the API key
 * @param dependencyWait how long an order waits before checking again whether its products were sent
 * @param retention how long delivered entries are kept before they are purged
 * @param dedupRetention how long received webhooks are remembered to recognise repeats
 * @param shutdownTimeout how long shutdown waits for deliveries in progress
 * @param circuitBreaker the Resilience4j circuit breaker in front of delivery: when too many attempts fail
 * transiently it opens and delivery stops claiming for its wait (an outage becomes a pause, not a storm of
 * failing attempts); when it closes again, entries waiting on backoff are brought forward
 */
public record DeliverySettings(String nodeId, Duration pollInterval, int batchSize, int concurrency,
		RetryConfig retry, Duration maxAge, Duration lease, Duration authPause, Duration dependencyWait,
		Duration retention, Duration dedupRetention, Duration shutdownTimeout, CircuitBreakerConfig circuitBreaker) {

	public DeliverySettings {
		Require.text(nodeId, "node id");
		if (nodeId.length() > 128) {
			throw new IllegalArgumentException("node id must be at most 128 characters");
		}
		positive(pollInterval, "poll interval");
		Require.positive(batchSize, "batch size");
		Require.positive(concurrency, "concurrency");
		Require.present(retry, "retry settings");
		positive(maxAge, "max age");
		positive(lease, "lease");
		positive(authPause, "auth pause");
		positive(dependencyWait, "dependency wait");
		positive(retention, "retention");
		positive(dedupRetention, "dedup retention");
		positive(shutdownTimeout, "shutdown timeout");
		Require.present(circuitBreaker, "circuit breaker configuration");
	}

	private static void positive(Duration value, String name) {
		Require.present(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
	}

	/**
	 * Poll every 5 s, claim 50, send 4 at a time; 25 attempts from 10 s doubling to at most 1 h (±20 %), or
	 * 3 days, before an entry becomes a dead letter; 20 s leases, renewed; pause 1 min when the key is refused; keep
	 * delivered entries 7 days and webhook ids 30 days; wait 10 s on shutdown; the default circuit breaker.
	 * @param nodeId this node's name
	 * @return the defaults
	 */
	public static DeliverySettings defaults(String nodeId) {
		return new DeliverySettings(nodeId, Duration.ofSeconds(5), 50, 4,
				exponentialRetry(25, Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 0.2),
				Duration.ofDays(3), Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofSeconds(2),
				Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10), defaultCircuitBreaker());
	}

	/**
	 * The circuit breaker the defaults use: it opens when half of the last 10 attempts (5 at least) failed
	 * transiently, stays open 30 s, then lets one attempt through to decide whether to close (and opens again if
	 * that attempt has not ended within 2 minutes, so that no lost trial can hold delivery back).
	 * @return the configuration
	 */
	public static CircuitBreakerConfig defaultCircuitBreaker() {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.permittedNumberOfCallsInHalfOpenState(1)
			.maxWaitDurationInHalfOpenState(Duration.ofMinutes(2))
			.build();
	}

	/**
	 * A retry configuration with exponential backoff and jitter, as the defaults use.
	 * @param maxAttempts attempts before an entry becomes a dead letter
	 * @param initialBackoff wait before the second attempt
	 * @param multiplier factor applied to the wait after every attempt
	 * @param maxBackoff longest wait
	 * @param jitter share of every wait that is randomised, between 0 and 1 (exclusive)
	 * @return the configuration
	 */
	public static RetryConfig exponentialRetry(int maxAttempts, Duration initialBackoff, double multiplier,
			Duration maxBackoff, double jitter) {
		return RetryConfig.custom()
			.maxAttempts(maxAttempts)
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff))
			.build();
	}

	public DeliverySettings withPollInterval(Duration pollInterval) {
		return new DeliverySettings(this.nodeId, pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withBatchSize(int batchSize) {
		return new DeliverySettings(this.nodeId, this.pollInterval, batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withConcurrency(int concurrency) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withRetry(RetryConfig retry) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withMaxAge(Duration maxAge) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withLease(Duration lease) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withAuthPause(Duration authPause) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withDependencyWait(Duration dependencyWait) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withRetention(Duration retention) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, retention, this.dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withDedupRetention(Duration dedupRetention) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, dedupRetention, this.shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withShutdownTimeout(Duration shutdownTimeout) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, shutdownTimeout, this.circuitBreaker);
	}

	public DeliverySettings withCircuitBreaker(CircuitBreakerConfig circuitBreaker) {
		return new DeliverySettings(this.nodeId, this.pollInterval, this.batchSize, this.concurrency, this.retry, this.maxAge, this.lease, this.authPause, this.dependencyWait, this.retention, this.dedupRetention, this.shutdownTimeout, circuitBreaker);
	}

}
