package dev.influence4j.autoconfigure.delivery;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.OrderUpdatedEvent;

/**
 * Writes placed and changed orders to the outbox in the publishing transaction, just before it commits (at
 * once without a transaction): an order whose transaction rolls back is never sent.
 */
final class OrderEventListener {

	private final OutboxWriter writer;

	OrderEventListener(OutboxWriter writer) {
		this.writer = writer;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void orderCompleted(OrderCompletedEvent event) {
		this.writer.write(event);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void orderUpdated(OrderUpdatedEvent event) {
		this.writer.write(event);
	}

}
