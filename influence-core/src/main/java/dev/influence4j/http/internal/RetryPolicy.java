package dev.influence4j.http.internal;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.influence4j.http.CircuitBreakerSettings;
import dev.influence4j.http.InfluenceRateLimitedException;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.http.RetrySettings;

/**
 * When a failed call is tried again, and the circuit breaker that stops trying when Influence.io is down. The
 * whole decision is {@link #shouldRetry}; Resilience4j only counts attempts and waits.
 */
final class RetryPolicy {

	private static final Logger logger = LoggerFactory.getLogger(RetryPolicy.class);

	private final String name;

	private final RetrySettings settings;

	private final Retry idempotentRetry;

	private final Retry unsafeRetry;

	private final @Nullable CircuitBreaker circuitBreaker;

	RetryPolicy(String name, RetrySettings settings, CircuitBreakerSettings circuitBreaker) {
		this.name = name;
		this.settings = settings;
		this.idempotentRetry = retry(name + "-idempotent", true);
		this.unsafeRetry = retry(name + "-unsafe", false);
		this.circuitBreaker = circuitBreaker.enabled() ? circuitBreaker(name, circuitBreaker) : null;
	}

	/**
	 * Run attempts until one succeeds or {@link #shouldRetry} says stop.
	 * @param <T> the result type
	 * @param idempotent whether an attempt whose outcome is unknown may be repeated
	 * @param attempt one attempt per call; it may send differently each time
	 * @return the first successful result
	 */
	<T> T run(boolean idempotent, Supplier<T> attempt) {
		return (idempotent ? this.idempotentRetry : this.unsafeRetry).executeSupplier(attempt);
	}

	/**
	 * Send once, through the circuit breaker when there is one.
	 * @param <T> the result type
	 * @param operation the operation, for the exception when the breaker is open
	 * @param send the sending
	 * @return the result
	 */
	<T> T once(String operation, Supplier<T> send) {
		if (this.circuitBreaker == null) {
			return send.get();
		}
		try {
			return this.circuitBreaker.executeSupplier(send);
		}
		catch (CallNotPermittedException ex) {
			throw new InfluenceTransientException(operation, 0, null, InfluenceTransientException.Reason.CIRCUIT_OPEN,
					null);
		}
	}

	/**
	 * Whether a failed attempt is tried again (Resilience4j stops first when the attempts are used up).
	 * @param failure what the attempt threw
	 * @param idempotent whether repeating the request is harmless
	 * @return whether to try again
	 */
	boolean shouldRetry(Throwable failure, boolean idempotent) {
		// 429: nothing was processed; wait as asked, unless longer than the settings allow.
		if (failure instanceof InfluenceRateLimitedException rateLimited) {
			return rateLimited.retryAfter().map(this.settings::honours).orElse(true);
		}
		// A rejected request (4xx) or an unreadable answer fails the same way again.
		if (!(failure instanceof InfluenceTransientException transientFailure)) {
			return false;
		}
		// An open circuit breaker means Influence.io is down: fail fast instead of queuing behind it.
		if (transientFailure.reason() == InfluenceTransientException.Reason.CIRCUIT_OPEN) {
			return false;
		}
		// An idempotent request may be repeated whatever became of the first one.
		if (idempotent) {
			return true;
		}
		// An unsafe one only when it cannot have been processed (connection refused).
		return !transientFailure.outcomeUnknown();
	}

	private long waitMillis(int attempt, @Nullable Throwable failure) {
		// Influence.io's own Retry-After wins over our backoff; shouldRetry has checked it is not too long.
		if (failure instanceof InfluenceRateLimitedException rateLimited && rateLimited.retryAfter().isPresent()) {
			return rateLimited.retryAfter().get().toMillis();
		}
		return this.settings.backoff(attempt).toMillis();
	}

	private Retry retry(String retryName, boolean idempotent) {
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(this.settings.maxAttempts())
			.retryOnException((failure) -> shouldRetry(failure, idempotent))
			.intervalBiFunction((attempt, outcome) -> waitMillis(attempt, outcome.isLeft() ? outcome.getLeft() : null))
			.failAfterMaxAttempts(false)
			.build();
		Retry retry = Retry.of(retryName, config);
		retry.getEventPublisher()
			.onRetry((event) -> logger.info("Retrying {} (attempt {} of {}) in {} ms after: {}", this.name,
					event.getNumberOfRetryAttempts() + 1, this.settings.maxAttempts(),
					event.getWaitInterval().toMillis(),
					(event.getLastThrowable() != null) ? event.getLastThrowable().getMessage() : "unknown"));
		return retry;
	}

	private static CircuitBreaker circuitBreaker(String breakerName, CircuitBreakerSettings settings) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitInOpenState())
			.recordException((failure) -> failure instanceof InfluenceTransientException)
			.build();
		return CircuitBreaker.of(breakerName, config);
	}

}
