package dev.influence4j.autoconfigure.delivery;

import dev.influence4j.delivery.DeliverySettings;

/**
 * Changes the delivery engine's settings beyond what {@code influence.delivery.*} covers, for example the
 * Resilience4j retry configuration every outbox retry decision comes from, or the circuit breaker in front of
 * delivery:
 * <pre>{@code
 * @Bean
 * DeliverySettingsCustomizer outboxRetry() {
 *     return (settings) -> settings.withRetry(RetryConfig.custom()
 *             .maxAttempts(10)
 *             .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(30), 3.0))
 *             .build());
 * }
 * }</pre>
 * Customizers are applied in their order, after the properties.
 */
@FunctionalInterface
public interface DeliverySettingsCustomizer {

	/**
	 * Change the settings.
	 * @param settings the settings so far
	 * @return the settings to use
	 */
	DeliverySettings customize(DeliverySettings settings);

}
