package dev.influence4j.delivery;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The {@code influence.delivery} observation and the logging context around each entry the dispatcher handles:
 * while it is handled, its id, kind and entity key are in the MDC ({@value #ID}, {@value #KIND}, {@value #KEY}),
 * so that every log line of one delivery can be found together.
 */
final class EntryObservations {

	static final String ID = "influence.entry.id";

	static final String KIND = "influence.entry.kind";

	static final String KEY = "influence.entry.key";

	private static final DeliveryObservationConvention DEFAULT_CONVENTION = new DefaultDeliveryObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable DeliveryObservationConvention convention;

	EntryObservations(ObservationRegistry registry, @Nullable DeliveryObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Start observing an entry and put it in the MDC; close the scope when it is handled.
	 * @param entry the entry
	 * @return the scope, whose context takes the outcome
	 */
	Handling start(OutboxEntry entry) {
		DeliveryObservationContext context = new DeliveryObservationContext(entry);
		Observation observation = DeliveryObservation.DELIVERY
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		return new Handling(observation, observation.openScope(), context, mdc(entry));
	}

	/**
	 * Observe an entry handled without an attempt, in one go.
	 * @param entry the entry
	 * @param outcome what became of it
	 * @param error the type of error, or {@code null}
	 */
	void handledWithoutAttempt(OutboxEntry entry, String outcome, @Nullable String error) {
		try (Handling handling = start(entry)) {
			handling.context().handled(outcome, error);
		}
	}

	/**
	 * Put an entry in the MDC, for log lines about it outside of its handling (its outcome written later).
	 * @param entry the entry
	 * @return what removes it again
	 */
	static AutoCloseableMdc mdc(OutboxEntry entry) {
		MDC.put(ID, Long.toString(entry.id()));
		MDC.put(KIND, entry.kind());
		MDC.put(KEY, entry.entityKey());
		return () -> {
			MDC.remove(ID);
			MDC.remove(KIND);
			MDC.remove(KEY);
		};
	}

	/**
	 * Removes an entry from the MDC.
	 */
	@FunctionalInterface
	interface AutoCloseableMdc extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * One entry being handled: its observation, in scope, and its MDC.
	 */
	record Handling(Observation observation, Observation.Scope scope, DeliveryObservationContext context,
			AutoCloseableMdc mdc) implements AutoCloseable {

		/**
		 * The entry's handling failed with an exception the engine did not expect.
		 * @param error the exception
		 */
		void failed(Throwable error) {
			this.observation.error(error);
		}

		@Override
		public void close() {
			this.scope.close();
			this.observation.stop();
			this.mdc.close();
		}

	}

}
