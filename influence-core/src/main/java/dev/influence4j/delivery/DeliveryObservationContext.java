package dev.influence4j.delivery;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an {@code influence.delivery} observation knows: the entry, and once it is handled, its outcome and the
 * type of error.
 */
public final class DeliveryObservationContext extends Observation.Context {

	private final OutboxEntry entry;

	private String outcome = "unknown";

	private String errorType = "none";

	DeliveryObservationContext(OutboxEntry entry) {
		this.entry = entry;
	}

	/**
	 * The entry being handled.
	 * @return the entry as claimed
	 */
	public OutboxEntry getEntry() {
		return this.entry;
	}

	/**
	 * What became of the entry.
	 * @return one of the values of {@link DeliveryObservation.LowCardinalityKeys#OUTCOME}
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * The type of what went wrong.
	 * @return one of the values of {@link DeliveryObservation.LowCardinalityKeys#ERROR_TYPE}
	 */
	public String getErrorType() {
		return this.errorType;
	}

	void handled(String outcome, @Nullable String error) {
		this.outcome = outcome;
		this.errorType = (error != null) ? error : "none";
	}

}
