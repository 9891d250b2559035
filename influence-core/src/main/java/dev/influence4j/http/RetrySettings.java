package dev.influence4j.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.influence4j.Require;

/**
 * How a client retries calls that failed transiently (connection errors, timeouts, 5xx, 429): exponential
 * backoff with jitter, and Influence.io's {@code Retry-After} honoured up to a cap. Client errors (400, 401,
 * 403, 404, 422) are never retried. Immutable; start from {@link #defaults()}.
 *
 * @param maxAttempts attempts in total, including the first (1 disables retries)
 * @param initialBackoff wait before the first retry
 * @param multiplier factor applied to the wait after every retry
 * @param maxBackoff longest wait between two attempts computed by backoff
 * @param jitter share of the wait that is randomised, between 0 (none) and 1
 * @param maxRetryAfter longest {@code Retry-After} honoured by waiting; a longer one ends the call with
 * {@link InfluenceRateLimitedException} so the caller (for example the delivery engine) can reschedule
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
		double jitter, Duration maxRetryAfter) {

	public RetrySettings {
		Require.positive(maxAttempts, "retry max attempts");
		requireNonNegative(initialBackoff, "retry initial backoff");
		requireNonNegative(maxBackoff, "retry max backoff");
		requireNonNegative(maxRetryAfter, "retry max Retry-After");
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("retry multiplier must be at least 1.0 but was " + multiplier);
		}
		if (jitter < 0.0 || jitter > 1.0) {
			throw new IllegalArgumentException("retry jitter must be between 0 and 1 but was " + jitter);
		}
	}

	private static void requireNonNegative(Duration value, String name) {
		Require.present(value, name);
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative but was " + value);
		}
	}

	/**
	 * Three attempts, 500 ms then 1 s apart (±50 % jitter), at most 10 s between attempts, and a
	 * {@code Retry-After} of up to 30 s honoured.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return new RetrySettings(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), 0.5, Duration.ofSeconds(30));
	}

	/**
	 * Settings that never retry.
	 * @return settings with a single attempt
	 */
	public static RetrySettings none() {
		return defaults().withMaxAttempts(1);
	}

	public RetrySettings withMaxAttempts(int maxAttempts) {
		return new RetrySettings(maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff, this.jitter,
				this.maxRetryAfter);
	}

	public RetrySettings withInitialBackoff(Duration initialBackoff) {
		return new RetrySettings(this.maxAttempts, initialBackoff, this.multiplier, this.maxBackoff, this.jitter,
				this.maxRetryAfter);
	}

	public RetrySettings withMultiplier(double multiplier) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, multiplier, this.maxBackoff, this.jitter,
				this.maxRetryAfter);
	}

	public RetrySettings withMaxBackoff(Duration maxBackoff) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, maxBackoff, this.jitter,
				this.maxRetryAfter);
	}

	public RetrySettings withJitter(double jitter) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff, jitter,
				this.maxRetryAfter);
	}

	public RetrySettings withMaxRetryAfter(Duration maxRetryAfter) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff, this.jitter,
				maxRetryAfter);
	}

	/**
	 * The backoff before retry number {@code retry} (1 for the first retry), jitter applied.
	 * @param retry the retry number, starting at 1
	 * @return the wait
	 */
	public Duration backoff(int retry) {
		double base = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, retry - 1));
		double capped = Math.min(base, this.maxBackoff.toMillis());
		double spread = capped * this.jitter;
		double randomised = capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread;
		return Duration.ofMillis(Math.round(Math.min(Math.max(randomised, 0), this.maxBackoff.toMillis())));
	}

	/**
	 * Whether a {@code Retry-After} is short enough to be honoured by waiting.
	 * @param retryAfter the wait Influence.io asked for
	 * @return whether the client may wait that long
	 */
	public boolean honours(Duration retryAfter) {
		return retryAfter.compareTo(this.maxRetryAfter) <= 0;
	}

}
