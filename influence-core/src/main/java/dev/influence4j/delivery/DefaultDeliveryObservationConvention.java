package dev.influence4j.delivery;

import io.micrometer.common.KeyValues;

import dev.influence4j.delivery.DeliveryObservation.HighCardinalityKeys;
import dev.influence4j.delivery.DeliveryObservation.LowCardinalityKeys;

/**
 * The default names and tags of the {@code influence.delivery} observation, as {@link DeliveryObservation}
 * documents them.
 */
public class DefaultDeliveryObservationConvention implements DeliveryObservationConvention {

	@Override
	public String getName() {
		return "influence.delivery";
	}

	@Override
	public String getContextualName(DeliveryObservationContext context) {
		return "influence deliver " + context.getEntry().kind();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DeliveryObservationContext context) {
		return KeyValues.of(LowCardinalityKeys.KIND.withValue(context.getEntry().kind()),
				LowCardinalityKeys.OUTCOME.withValue(context.getOutcome()),
				LowCardinalityKeys.ERROR_TYPE.withValue(context.getErrorType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(DeliveryObservationContext context) {
		return KeyValues.of(HighCardinalityKeys.ENTITY_KEY.withValue(context.getEntry().entityKey()),
				HighCardinalityKeys.ENTRY_ID.withValue(Long.toString(context.getEntry().id())));
	}

}
