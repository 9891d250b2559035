package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breaker in front of delivery, on its own: it opens on transient failures, lets one trial through
 * after its wait, and never stays half open because a trial had nothing to try.
 */
class DeliveryCircuitTests {

	private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());

	private final DeliveryCircuit circuit = new DeliveryCircuit(
			CircuitBreakerConfig.from(DeliverySettings.defaultCircuitBreaker())
				.waitDurationInOpenState(Duration.ofMillis(50))
				.build(),
			"node", Clock.systemUTC());

	@Test
	void opensOnTransientFailuresAndLetsOneTrialThroughAfterItsWait() {
		open();
		assertThat(this.circuit.permits(10, this.outbox)).as("open").isZero();

		awaitTrial();
		assertThat(this.circuit.permits(10, this.outbox)).as("a second trial while the first runs").isZero();
		this.circuit.record(DeliveryOutcome.delivered(), Duration.ofMillis(5));

		assertThat(this.circuit.holdsClaims()).isFalse();
		assertThat(this.circuit.permits(10, this.outbox)).isEqualTo(10);
		assertThat(this.circuit.takeRecovery()).isPresent();
	}

	@Test
	void aTrialWhoseEntryWasNotAttemptedIsFollowedByAnotherInsteadOfHoldingDeliveryBackForever() {
		open();
		awaitTrial();
		// What was claimed waits for another entry (or was superseded): no outcome reaches the breaker.
		this.circuit.unused();

		assertThat(this.circuit.holdsClaims()).as("still half open").isTrue();
		assertThat(this.circuit.permits(10, this.outbox)).as("the next trial").isOne();
		this.circuit.record(DeliveryOutcome.delivered(), Duration.ofMillis(5));
		assertThat(this.circuit.holdsClaims()).isFalse();
		assertThat(this.circuit.takeRecovery()).hasValueSatisfying((recovery) -> assertThat(recovery.confirmed()).isTrue());
	}

	@Test
	void aTrialThatFindsNothingDueClosesTheBreakerInsteadOfReportingTheNodeAsFailingUntilAnEntryArrives() {
		open();
		awaitTrial();
		// Another node delivered everything that was due.
		this.circuit.nothingDue();

		assertThat(this.circuit.holdsClaims()).isFalse();
		assertThat(this.circuit.pauseReason()).isEmpty();
		assertThat(this.circuit.permits(10, this.outbox)).isEqualTo(10);
		assertThat(this.circuit.takeRecovery()).hasValueSatisfying((recovery) -> assertThat(recovery.confirmed()).isFalse());
		open();
	}

	@Test
	void aFailedTrialOpensTheBreakerAgain() {
		open();
		awaitTrial();
		this.circuit.record(DeliveryOutcome.retry("HTTP 503", null), Duration.ofMillis(5));

		assertThat(this.circuit.permits(10, this.outbox)).as("open again").isZero();
		assertThat(this.circuit.pauseReason()).hasValueSatisfying((reason) -> assertThat(reason).contains("open", "HTTP 503"));
		awaitTrial();
	}

	private void open() {
		for (int i = 0; i < 5; i++) {
			this.circuit.record(DeliveryOutcome.retry("HTTP 503", null), Duration.ofMillis(5));
		}
		assertThat(this.circuit.holdsClaims()).isTrue();
	}

	private void awaitTrial() {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.circuit.permits(10, this.outbox) == 1);
	}

}
