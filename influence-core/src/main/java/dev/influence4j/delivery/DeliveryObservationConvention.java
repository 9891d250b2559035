package dev.influence4j.delivery;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code influence.delivery} observation; implement it as a bean to change them.
 */
public interface DeliveryObservationConvention extends ObservationConvention<DeliveryObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof DeliveryObservationContext;
	}

}
