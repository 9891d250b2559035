package dev.influence4j.autoconfigure.operations;

import java.util.Locale;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.influence4j.delivery.DeliveryPause;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.operations.DeliveryReport;

/**
 * {@code influence} in {@code /actuator/health}: UP while delivering; DOWN while Influence.io refuses the key or
 * when the oldest entry not yet delivered is older than {@code influence.health.max-delivery-lag}. It reads the
 * outbox (at most once per few seconds, shared with the gauges) and never calls Influence.io.
 */
final class InfluenceHealthIndicator extends AbstractHealthIndicator {

	private final DeliveryOperations operations;

	InfluenceHealthIndicator(DeliveryOperations operations) {
		super("influence4j delivery health check failed");
		this.operations = operations;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		DeliveryReport report = this.operations.report();
		report.problem().ifPresentOrElse((problem) -> builder.down().withDetail("problem", problem), builder::up);
		report.outbox().counts().forEach((status, count) -> builder.withDetail(status.name().toLowerCase(Locale.ROOT), count));
		report.outbox().oldestUnfinishedAge().ifPresent((age) -> builder.withDetail("oldestUnfinishedAge", age.toString()));
		builder.withDetail("deadLetters", report.deadLetters());
		DeliveryPause pause = report.pause();
		if (pause != null) {
			builder.withDetail("paused", pause.cause().name().toLowerCase(Locale.ROOT) + ": " + pause.reason());
		}
		builder.withDetail("node", report.node());
	}

}
