package dev.influence4j.delivery;

import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.influence4j.Require;
import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.OrderUpdatedEvent;
import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.events.ProductSavedEvent;

/**
 * Turns the storefront's events into outbox entries, in the caller's transaction: the only cost on the
 * checkout thread is one insert per entry. After the transaction commits (or at once, without one) the
 * dispatcher is nudged so the entries leave within milliseconds instead of at the next poll.
 */
public final class OutboxWriter {

	private final Outbox outbox;

	private final Runnable nudge;

	/**
	 * Create a writer.
	 * @param outbox where entries go
	 * @param nudge wakes the dispatcher, called after commit
	 */
	public OutboxWriter(Outbox outbox, Runnable nudge) {
		this.outbox = Require.present(outbox, "outbox");
		this.nudge = Require.present(nudge, "nudge");
	}

	/**
	 * Record a placed order, and the Influence.io reward codes it used.
	 * @param event the event
	 */
	public void write(OrderCompletedEvent event) {
		Require.present(event, "order completed event");
		append(EntryKinds.ORDER_COMPLETED, EntryKinds.orderKey(event.order().orderId()), event.order());
		for (String code : event.rewardCodesUsed()) {
			append(EntryKinds.REWARD_USED, EntryKinds.rewardKey(code), Map.of("couponCode", code));
		}
	}

	/**
	 * Record an order's new state.
	 * @param event the event
	 */
	public void write(OrderUpdatedEvent event) {
		Require.present(event, "order updated event");
		append(EntryKinds.ORDER_UPDATED, EntryKinds.orderKey(event.order().orderId()), event.order());
	}

	/**
	 * Record a product's new state.
	 * @param event the event
	 */
	public void write(ProductSavedEvent event) {
		Require.present(event, "product saved event");
		append(EntryKinds.PRODUCT_SAVED, EntryKinds.productKey(event.product().productId()), event.product());
	}

	/**
	 * Record a product's deletion.
	 * @param event the event
	 */
	public void write(ProductDeletedEvent event) {
		Require.present(event, "product deleted event");
		append(EntryKinds.PRODUCT_DELETED, EntryKinds.productKey(event.productId()), event);
	}

	/**
	 * Record a customer's new state.
	 * @param event the event
	 */
	public void write(CustomerSavedEvent event) {
		Require.present(event, "customer saved event");
		append(EntryKinds.CUSTOMER_SAVED, EntryKinds.customerKey(event.customer().customerId()), event.customer());
	}

	/**
	 * Append any entry, for kinds beyond the built-in ones.
	 * @param entry the entry
	 */
	public void write(NewOutboxEntry entry) {
		this.outbox.append(Require.present(entry, "outbox entry"));
		nudgeAfterCommit();
	}

	private void append(String kind, String entityKey, Object payload) {
		write(NewOutboxEntry.of(kind, entityKey, EntryPayloads.write(payload)));
	}

	private void nudgeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					OutboxWriter.this.nudge.run();
				}

			});
		}
		else {
			this.nudge.run();
		}
	}

}
