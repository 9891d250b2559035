package dev.influence4j.autoconfigure;

import java.time.Duration;

/**
 * The {@code influence} health indicator, under {@code influence.health}.
 */
public class InfluenceHealthProperties {

	/**
	 * Age of the oldest entry not yet delivered (pending, waiting on backoff or in flight) beyond which delivery
	 * is reported DOWN.
	 */
	private Duration maxDeliveryLag = Duration.ofMinutes(15);

	public Duration getMaxDeliveryLag() {
		return this.maxDeliveryLag;
	}

	public void setMaxDeliveryLag(Duration maxDeliveryLag) {
		this.maxDeliveryLag = maxDeliveryLag;
	}

}
