package dev.influence4j.http.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.influence4j.http.CircuitBreakerSettings;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceRateLimitedException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.http.InfluenceTransientException.Reason;
import dev.influence4j.http.RetrySettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry decision, rule by rule, for idempotent and unsafe requests. The fault tests prove the same rules
 * against a real server; these name each rule once.
 */
class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy("test",
			RetrySettings.defaults().withMaxRetryAfter(Duration.ofSeconds(30)), CircuitBreakerSettings.disabled());

	@Test
	void aRateLimitIsRetriedEvenForUnsafeRequestsWhenItsWaitIsWithinTheCap() {
		assertThat(this.policy.shouldRetry(rateLimited(null), false)).isTrue();
		assertThat(this.policy.shouldRetry(rateLimited(Duration.ofSeconds(30)), false)).isTrue();
		assertThat(this.policy.shouldRetry(rateLimited(Duration.ofSeconds(31)), true)).isFalse();
	}

	@Test
	void rejectedRequestsAndUnreadableAnswersAreNeverRetried() {
		assertThat(this.policy.shouldRetry(new InfluenceClientException("op", 422, "invalid"), true)).isFalse();
		assertThat(this.policy.shouldRetry(new InfluenceResponseException("op", 200, "not JSON", null), true))
			.isFalse();
		assertThat(this.policy.shouldRetry(new IllegalStateException("bug"), true)).isFalse();
	}

	@Test
	void anOpenCircuitBreakerIsNotRetried() {
		assertThat(this.policy.shouldRetry(transientFailure(Reason.CIRCUIT_OPEN), true)).isFalse();
	}

	@Test
	void idempotentRequestsAreRetriedAfterAnyTransientFailure() {
		for (Reason reason : new Reason[] { Reason.CONNECT_FAILED, Reason.TIMEOUT, Reason.CONNECTION_LOST,
				Reason.SERVER_ERROR }) {
			assertThat(this.policy.shouldRetry(transientFailure(reason), true)).as(reason.name()).isTrue();
		}
	}

	@Test
	void unsafeRequestsAreRetriedOnlyWhenNothingCanHaveBeenProcessed() {
		assertThat(this.policy.shouldRetry(transientFailure(Reason.CONNECT_FAILED), false)).isTrue();
		for (Reason reason : new Reason[] { Reason.TIMEOUT, Reason.CONNECTION_LOST, Reason.SERVER_ERROR }) {
			assertThat(this.policy.shouldRetry(transientFailure(reason), false)).as(reason.name()).isFalse();
		}
	}

	private static InfluenceRateLimitedException rateLimited(@Nullable Duration retryAfter) {
		return new InfluenceRateLimitedException("op", null, retryAfter);
	}

	private static InfluenceTransientException transientFailure(Reason reason) {
		return new InfluenceTransientException("op", 0, null, reason, null);
	}

}
