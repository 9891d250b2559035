package dev.influence4j.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.influence4j.Require;

/**
 * Turns the storefront's events into outbox entries, in the caller's transaction: the only cost on the
 * checkout thread is one insert per entry. Which entries an event makes is its {@link StorefrontKind}'s
 * business. After the transaction commits (or at once, without one) the dispatcher is nudged so the entries
 * leave within milliseconds instead of at the next poll.
 */
public final class OutboxWriter {

	private final Outbox outbox;

	private final Runnable nudge;

	private final Map<Class<?>, StorefrontKind<?, ?>> kindsByEvent;

	/**
	 * Create a writer.
	 * @param outbox where entries go
	 * @param nudge wakes the dispatcher, called after commit
	 * @param kinds the kinds whose events it writes, at most one per event type
	 */
	public OutboxWriter(Outbox outbox, Runnable nudge, Collection<? extends StorefrontKind<?, ?>> kinds) {
		this.outbox = Require.present(outbox, "outbox");
		this.nudge = Require.present(nudge, "nudge");
		Map<Class<?>, StorefrontKind<?, ?>> byEvent = new HashMap<>();
		for (StorefrontKind<?, ?> kind : Require.present(kinds, "kinds")) {
			StorefrontKind<?, ?> other = byEvent.put(kind.eventType(), kind);
			if (other != null) {
				throw new IllegalArgumentException("two kinds for " + kind.eventType().getSimpleName() + ": "
						+ other.name() + " and " + kind.name());
			}
		}
		this.kindsByEvent = Map.copyOf(byEvent);
	}

	/**
	 * The kind that writes an event, if any.
	 * @param eventType the event's type
	 * @return the kind
	 */
	public Optional<StorefrontKind<?, ?>> kindFor(Class<?> eventType) {
		return Optional.ofNullable(this.kindsByEvent.get(eventType));
	}

	/**
	 * Write the entries of a storefront event, such as {@code OrderCompletedEvent} or {@code ProductSavedEvent}.
	 * @param event the event
	 * @throws IllegalArgumentException when no kind writes events of its type
	 */
	public void write(Object event) {
		write(entriesOf(event));
	}

	/**
	 * The entries a storefront event makes, without writing them.
	 * @param event the event
	 * @return its entries
	 * @throws IllegalArgumentException when no kind writes events of its type, or the event is invalid
	 */
	public List<NewOutboxEntry> entriesOf(Object event) {
		Require.present(event, "event");
		StorefrontKind<?, ?> kind = kindFor(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
				"no outbox entry kind writes " + event.getClass().getName()));
		return entries(kind, event);
	}

	@SuppressWarnings("unchecked")
	private static <E> List<NewOutboxEntry> entries(StorefrontKind<E, ?> kind, Object event) {
		return kind.entries((E) event);
	}

	/**
	 * Append entries of any kind.
	 * @param entries the entries
	 */
	public void write(List<NewOutboxEntry> entries) {
		for (NewOutboxEntry entry : entries) {
			this.outbox.append(Require.present(entry, "outbox entry"));
		}
		if (!entries.isEmpty()) {
			nudgeAfterCommit();
		}
	}

	/**
	 * Append one entry of any kind.
	 * @param entry the entry
	 */
	public void write(NewOutboxEntry entry) {
		write(List.of(Require.present(entry, "outbox entry")));
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
