package dev.influence4j.autoconfigure.delivery;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.events.ProductSavedEvent;

/**
 * Writes saved and deleted products to the outbox in the publishing transaction, just before it commits (at
 * once without a transaction).
 */
final class ProductEventListener {

	private final OutboxWriter writer;

	ProductEventListener(OutboxWriter writer) {
		this.writer = writer;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void productSaved(ProductSavedEvent event) {
		this.writer.write(event);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void productDeleted(ProductDeletedEvent event) {
		this.writer.write(event);
	}

}
