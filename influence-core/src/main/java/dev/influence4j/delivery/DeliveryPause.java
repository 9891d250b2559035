package dev.influence4j.delivery;

import dev.influence4j.Require;

/**
 * Why a dispatcher holds its claims back.
 *
 * @param cause what kind of pause it is
 * @param reason what was answered, for people (never a secret)
 */
public record DeliveryPause(Cause cause, String reason) {

	public DeliveryPause {
		Require.present(cause, "cause");
		Require.present(reason, "reason");
	}

	/**
	 * The kinds of pause.
	 */
	public enum Cause {

		/**
		 * An attempt answered {@link DeliveryOutcome#pause}: Influence.io refused the credentials. Nothing is
		 * delivered until the key is accepted again; it needs a person.
		 */
		REFUSED,

		/**
		 * Most attempts fail transiently (an outage) and the circuit breaker lets only trials through; it ends by
		 * itself when Influence.io answers again.
		 */
		FAILING

	}

}
