package dev.influence4j.http;

import java.time.Duration;

import dev.influence4j.Require;

/**
 * An optional circuit breaker in front of a client: after too many transient failures it stops calling
 * Influence.io for a while and fails fast with {@link InfluenceTransientException.Reason#CIRCUIT_OPEN}.
 * Client errors (4xx) do not count as failures. Off by default. Immutable; start from {@link #disabled()}.
 *
 * @param enabled whether the breaker is used
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed in the window before the rate is evaluated
 * @param waitInOpenState how long the breaker stays open before letting trial calls through
 */
public record CircuitBreakerSettings(boolean enabled, float failureRateThreshold, int slidingWindowSize,
		int minimumNumberOfCalls, Duration waitInOpenState) {

	public CircuitBreakerSettings {
		if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
			throw new IllegalArgumentException(
					"circuit breaker failure rate threshold must be in (0, 100] but was " + failureRateThreshold);
		}
		Require.positive(slidingWindowSize, "circuit breaker sliding window size");
		Require.positive(minimumNumberOfCalls, "circuit breaker minimum number of calls");
		Require.present(waitInOpenState, "circuit breaker wait in open state");
		if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
			throw new IllegalArgumentException("circuit breaker wait in open state must be positive");
		}
	}

	/**
	 * No circuit breaker; when enabled with {@link #withEnabled(boolean)}: opens at 50 % failures over the last
	 * 20 calls (after at least 10), stays open 30 s.
	 * @return the default, disabled settings
	 */
	public static CircuitBreakerSettings disabled() {
		return new CircuitBreakerSettings(false, 50f, 20, 10, Duration.ofSeconds(30));
	}

	public CircuitBreakerSettings withEnabled(boolean enabled) {
		return new CircuitBreakerSettings(enabled, this.failureRateThreshold, this.slidingWindowSize,
				this.minimumNumberOfCalls, this.waitInOpenState);
	}

	public CircuitBreakerSettings withFailureRateThreshold(float failureRateThreshold) {
		return new CircuitBreakerSettings(this.enabled, failureRateThreshold, this.slidingWindowSize,
				this.minimumNumberOfCalls, this.waitInOpenState);
	}

	public CircuitBreakerSettings withSlidingWindowSize(int slidingWindowSize) {
		return new CircuitBreakerSettings(this.enabled, this.failureRateThreshold, slidingWindowSize,
				this.minimumNumberOfCalls, this.waitInOpenState);
	}

	public CircuitBreakerSettings withMinimumNumberOfCalls(int minimumNumberOfCalls) {
		return new CircuitBreakerSettings(this.enabled, this.failureRateThreshold, this.slidingWindowSize,
				minimumNumberOfCalls, this.waitInOpenState);
	}

	public CircuitBreakerSettings withWaitInOpenState(Duration waitInOpenState) {
		return new CircuitBreakerSettings(this.enabled, this.failureRateThreshold, this.slidingWindowSize,
				this.minimumNumberOfCalls, waitInOpenState);
	}

}
