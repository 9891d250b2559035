package dev.influence4j.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * What became of one attempt at an entry, as its {@link EntryKind} reports it; the engine records it and takes
 * every decision that follows (when to try again, when to give up, when to stop delivering for a while).
 */
public sealed interface DeliveryOutcome {

	/**
	 * The entry reached Influence.io.
	 * @return the outcome
	 */
	static DeliveryOutcome delivered() {
		return Delivered.INSTANCE;
	}

	/**
	 * A transient failure: try again after the engine's backoff for the next attempt.
	 * @param reason what went wrong, for the entry's last error
	 * @param cause the failure, handed to the retry policy's interval function, or {@code null}
	 * @return the outcome
	 */
	static DeliveryOutcome retry(String reason, @Nullable Throwable cause) {
		return new Retry(reason, null, true, cause);
	}

	/**
	 * A transient failure with a wait of its own (Influence.io's {@code Retry-After}), counting as an attempt.
	 * @param reason what went wrong
	 * @param after how long to wait
	 * @param cause the failure, or {@code null}
	 * @return the outcome
	 */
	static DeliveryOutcome retryAfter(String reason, Duration after, @Nullable Throwable cause) {
		return new Retry(reason, Require.present(after, "retry wait"), true, cause);
	}

	/**
	 * The entry can never succeed as it is: it becomes a dead letter at once, to be requeued once the cause is
	 * fixed.
	 * @param reason why, for the dead letter's error
	 * @return the outcome
	 */
	static DeliveryOutcome dead(String reason) {
		return new Dead(reason);
	}

	/**
	 * Nothing can be delivered for a while (Influence.io refused the API key): delivery pauses for the engine's
	 * configured pause, and the entry keeps its attempts.
	 * @param reason why
	 * @return the outcome
	 */
	static DeliveryOutcome pause(String reason) {
		return new Pause(reason, null);
	}

	/**
	 * Nothing can be delivered for a given time; the entry keeps its attempts.
	 * @param reason why
	 * @param duration how long
	 * @return the outcome
	 */
	static DeliveryOutcome pause(String reason, Duration duration) {
		return new Pause(reason, Require.present(duration, "pause"));
	}

	/** Delivered. */
	enum Delivered implements DeliveryOutcome {

		/** The one instance. */
		INSTANCE

	}

	/**
	 * Try again later.
	 *
	 * @param reason what went wrong
	 * @param after the wait asked for, or {@code null} for the engine's backoff
	 * @param countsAttempt whether the attempt counts towards the maximum
	 * @param cause the failure, or {@code null}
	 */
	record Retry(String reason, @Nullable Duration after, boolean countsAttempt, @Nullable Throwable cause)
			implements DeliveryOutcome {

		public Retry {
			Require.text(reason, "retry reason");
		}

	}

	/**
	 * Give up: a dead letter.
	 *
	 * @param reason why
	 */
	record Dead(String reason) implements DeliveryOutcome {

		public Dead {
			Require.text(reason, "dead letter reason");
		}

	}

	/**
	 * Stop delivering for a while.
	 *
	 * @param reason why
	 * @param duration how long, or {@code null} for the engine's configured pause
	 */
	record Pause(String reason, @Nullable Duration duration) implements DeliveryOutcome {

		public Pause {
			Require.text(reason, "pause reason");
		}

	}

}
