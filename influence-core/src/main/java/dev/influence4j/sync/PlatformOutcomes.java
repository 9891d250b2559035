package dev.influence4j.sync;

import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceRateLimitedException;

/**
 * The one place where a failed Platform call becomes a delivery outcome: a refused key pauses delivery, a rate limit waits its {@code Retry-After}, another transient failure is retried with
 * the outbox's backoff, and anything else (400, 404, 409, 422, an unreadable answer) can never succeed as it is
 * and becomes a dead letter with Influence.io's message.
 */
final class PlatformOutcomes {

	private PlatformOutcomes() {
	}

	/**
	 * Run a Platform call.
	 * @param call the call
	 * @return delivered, or the outcome of its failure
	 */
	static DeliveryOutcome of(Call call) {
		try {
			call.run();
			return DeliveryOutcome.delivered();
		}
		catch (InfluenceApiException ex) {
			return failed(ex);
		}
	}

	static DeliveryOutcome failed(InfluenceApiException failure) {
		String reason = String.valueOf(failure.getMessage());
		if (failure instanceof InfluenceAuthenticationException) {
			return DeliveryOutcome.pause(reason);
		}
		if (failure instanceof InfluenceRateLimitedException limited && limited.retryAfter().isPresent()) {
			return DeliveryOutcome.retryAfter(reason, limited.retryAfter().get(), failure);
		}
		return failure.isRetryable() ? DeliveryOutcome.retry(reason, failure) : DeliveryOutcome.dead(reason);
	}

	/** A call to the Platform API. */
	@FunctionalInterface
	interface Call {

		void run();

	}

}
