package dev.influence4j.autoconfigure.operations;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.influence4j.delivery.DeliveryPause;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.operations.DeliveryOperations;

/**
 * The delivery gauges: entries by status, the age of the oldest entry not yet delivered, dead letters, and
 * whether delivery is paused (by cause). Every gauge reads {@link DeliveryOperations#report()}, one cached query
 * every few seconds at most, never a query per scrape.
 */
final class InfluenceDeliveryMeters implements MeterBinder {

	private final DeliveryOperations operations;

	InfluenceDeliveryMeters(DeliveryOperations operations) {
		this.operations = operations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (DeliveryStatus status : DeliveryStatus.values()) {
			Gauge.builder("influence.outbox.entries", this.operations, (ops) -> ops.report().outbox().count(status))
				.description("Outbox entries by status")
				.tag("status", status.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		Gauge.builder("influence.outbox.dead.letters", this.operations, (ops) -> ops.report().deadLetters())
			.description("Dead letters waiting for a person to requeue them")
			.register(registry);
		TimeGauge.builder("influence.outbox.oldest.age", this.operations, TimeUnit.MILLISECONDS,
				(ops) -> ops.report().outbox().oldestUnfinishedAge().map((age) -> (double) age.toMillis()).orElse(0.0))
			.description("Age of the oldest entry not yet delivered (pending, waiting on backoff or in flight)")
			.register(registry);
		for (DeliveryPause.Cause cause : DeliveryPause.Cause.values()) {
			Gauge.builder("influence.delivery.paused", this.operations, (ops) -> {
				DeliveryPause pause = ops.report().pause();
				return (pause != null && pause.cause() == cause) ? 1 : 0;
			})
				.description("Whether this node holds its claims back: refused (Influence.io refused the key) or failing "
						+ "(circuit breaker open)")
				.tag("cause", cause.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

}
