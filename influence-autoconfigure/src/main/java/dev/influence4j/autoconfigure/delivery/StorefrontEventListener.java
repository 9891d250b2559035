package dev.influence4j.autoconfigure.delivery;

import java.util.Set;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.influence4j.delivery.OutboxWriter;

/**
 * Writes the storefront's events (an order placed, a product saved...) to the outbox in the publishing
 * transaction, just before it commits, or at once without a transaction: an event whose transaction rolls back
 * is never sent. Only the event types of the enabled {@code influence.sync.*} groups are written.
 */
final class StorefrontEventListener implements ApplicationListener<PayloadApplicationEvent<?>> {

	private final OutboxWriter writer;

	private final Set<Class<?>> eventTypes;

	StorefrontEventListener(OutboxWriter writer, Set<Class<?>> eventTypes) {
		this.writer = writer;
		this.eventTypes = Set.copyOf(eventTypes);
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<?> event) {
		Object payload = event.getPayload();
		if (!this.eventTypes.contains(payload.getClass())) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			// As @TransactionalEventListener(BEFORE_COMMIT) would: the insert joins the transaction at its end.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					StorefrontEventListener.this.writer.write(payload);
				}
			});
		}
		else {
			this.writer.write(payload);
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		// Written in the publisher's transaction, so on the publisher's thread.
		return false;
	}

}
