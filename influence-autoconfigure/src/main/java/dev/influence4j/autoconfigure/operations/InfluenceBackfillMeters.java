package dev.influence4j.autoconfigure.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillState;
import dev.influence4j.backfill.BackfillStatus;

/**
 * The import gauges, per kind with a source: {@code influence.backfill.rows} by {@code count} (read, written,
 * failed) and {@code influence.backfill.running} (1 while the import runs). They read the backfill table at most
 * once per cache time, never once per scrape.
 */
final class InfluenceBackfillMeters implements MeterBinder {

	private static final Duration CACHE_TIME = Duration.ofSeconds(5);

	private final Backfill backfill;

	private final Clock clock;

	private volatile @Nullable Reading reading;

	InfluenceBackfillMeters(Backfill backfill, Clock clock) {
		this.backfill = backfill;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (BackfillKind<?> kind : this.backfill.kinds()) {
			rows(registry, kind, "read", BackfillStatus::read);
			rows(registry, kind, "written", BackfillStatus::written);
			rows(registry, kind, "failed", BackfillStatus::failed);
			Gauge.builder("influence.backfill.running", this, (meters) -> meters.status(kind)
				.filter((status) -> status.state() == BackfillState.RUNNING)
				.isPresent() ? 1 : 0)
				.description("Whether the import of a kind runs")
				.tag("kind", kind.name())
				.register(registry);
		}
	}

	private void rows(MeterRegistry registry, BackfillKind<?> kind, String count, ToDoubleFunction<BackfillStatus> value) {
		Gauge.builder("influence.backfill.rows", this, (meters) -> meters.status(kind).map(value::applyAsDouble).orElse(0.0))
			.description("Rows of the current or last import of a kind")
			.tag("kind", kind.name())
			.tag("count", count)
			.register(registry);
	}

	private Optional<BackfillStatus> status(BackfillKind<?> kind) {
		Instant now = this.clock.instant();
		Reading current = this.reading;
		if (current == null || !now.isBefore(current.at.plus(CACHE_TIME))) {
			current = new Reading(this.backfill.status(), now);
			this.reading = current;
		}
		return current.statuses.stream().filter((status) -> status.kind().equals(kind.name())).findFirst();
	}

	private record Reading(List<BackfillStatus> statuses, Instant at) {
	}

}
