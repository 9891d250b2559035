package dev.influence4j.delivery;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation around each delivery of an outbox entry, {@code influence.delivery}: with a meter registry it
 * is a timer of that name, tagged by kind, outcome and error type.
 */
public enum DeliveryObservation implements ObservationDocumentation {

	/**
	 * One entry handled by the dispatcher: an attempt at Influence.io, or an entry recorded without one
	 * (superseded, waiting for another entry, unreadable).
	 */
	DELIVERY {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultDeliveryObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	};

	/**
	 * Tags with few values, on the timer.
	 */
	public enum LowCardinalityKeys implements KeyName {

		/**
		 * The entry kind, for example {@code order.completed}.
		 */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		},

		/**
		 * What became of it: {@code delivered}, {@code retried} (it is tried again later), {@code dead} (a dead
		 * letter now), {@code superseded} (a newer state of the entity was delivered), {@code waiting} (for another
		 * entry to be delivered first) or {@code paused} (Influence.io refused the key).
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The type of what went wrong: the exception's simple class name, {@code rejected} when Influence.io
		 * answered that the entry is wrong, another short word for failures without an exception, {@code none}
		 * when nothing went wrong. Not {@code error}: Micrometer's meter handler sets that tag itself, from an
		 * exception the observation ended with.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/**
	 * Values unique to the entry, on traces only.
	 */
	public enum HighCardinalityKeys implements KeyName {

		/**
		 * The entity the entry is about, for example {@code order:1001}.
		 */
		ENTITY_KEY {
			@Override
			public String asString() {
				return "influence.entity.key";
			}
		},

		/**
		 * The entry's id in the outbox.
		 */
		ENTRY_ID {
			@Override
			public String asString() {
				return "influence.entry.id";
			}
		}

	}

}
