package dev.influence4j.autoconfigure;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Calls of both API clients to Influence.io, under {@code influence.http}: timeouts, the largest response,
 * retries and the circuit breaker.
 */
public class InfluenceHttpProperties {

	/**
	 * Time to wait for a connection to Influence.io.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time to wait for Influence.io's answer once a request is sent.
	 */
	private Duration readTimeout = Duration.ofSeconds(15);

	/**
	 * Largest response body read from Influence.io; a larger one fails the call.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(8);

	private final Retry retry = new Retry();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * Retries of calls that failed transiently (connection errors, timeouts, 5xx, 429).
	 */
	public static class Retry {

		/**
		 * Attempts in total, the first included; 1 switches retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Factor applied to the wait after every retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		/**
		 * Share of every wait that is randomised, between 0 and 1.
		 */
		private double jitter = 0.5;

		/**
		 * Longest Retry-After honoured by waiting; a longer one ends the call so that delivery reschedules it.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Circuit breaker in front of both API clients.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether to stop calling Influence.io for a while after too many transient failures.
		 */
		private boolean enabled;

		/**
		 * Percentage of failed calls in the sliding window that opens the circuit breaker.
		 */
		private float failureRateThreshold = 50;

		/**
		 * Number of recent calls the failure rate is computed over.
		 */
		private int slidingWindowSize = 20;

		/**
		 * Number of calls needed in the window before the failure rate is evaluated.
		 */
		private int minimumNumberOfCalls = 10;

		/**
		 * Time the circuit breaker stays open before letting trial calls through.
		 */
		private Duration waitInOpenState = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public Duration getWaitInOpenState() {
			return this.waitInOpenState;
		}

		public void setWaitInOpenState(Duration waitInOpenState) {
			this.waitInOpenState = waitInOpenState;
		}

	}

}
