package dev.influence4j.autoconfigure.delivery;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.CustomerSavedEvent;

/**
 * Writes saved customers to the outbox in the publishing transaction, just before it commits (at once
 * without a transaction).
 */
final class CustomerEventListener {

	private final OutboxWriter writer;

	CustomerEventListener(OutboxWriter writer) {
		this.writer = writer;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void customerSaved(CustomerSavedEvent event) {
		this.writer.write(event);
	}

}
