package dev.influence4j.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.OrderUpdatedEvent;
import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.events.ProductSavedEvent;

/**
 * Listens to the influence4j events the way the starter's outbox will: inside the publishing transaction
 * just before it commits, and again after it committed. An event published outside a transaction reaches
 * neither; one whose transaction rolled back reaches only the first if it was already published, never the
 * second.
 */
@TestComponent
public class CommittedEvents {

	private final List<Object> committed = new CopyOnWriteArrayList<>();

	private final List<Long> ordersVisibleBeforeCommit = new CopyOnWriteArrayList<>();

	private final JdbcClient jdbc;

	private final AtomicBoolean failNextOrder = new AtomicBoolean();

	CommittedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void whenPublished(OrderCompletedEvent event) {
		// Stands for any failure between publishing and committing, such as the outbox's insert failing.
		if (this.failNextOrder.compareAndSet(true, false)) {
			throw new IllegalStateException("test failure after order " + event.order().orderId() + " was written");
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void beforeCommit(OrderCompletedEvent event) {
		// The outbox inserts its entry at this point, in the same transaction: the order must be there.
		long id = Long.parseLong(event.order().orderId());
		if (this.jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE id = :id").param("id", id).query(Long.class)
			.single() == 1) {
			this.ordersVisibleBeforeCommit.add(id);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, classes = { OrderCompletedEvent.class,
			OrderUpdatedEvent.class, ProductSavedEvent.class, ProductDeletedEvent.class, CustomerSavedEvent.class })
	void afterCommit(Object event) {
		this.committed.add(event);
	}

	/**
	 * The influence4j events among everything a test's thread published (Spring publishes events of its own,
	 * such as one per handled request).
	 * @param events what the test recorded
	 * @return the events of {@code dev.influence4j.events}, in order
	 */
	public static List<Object> influenceEvents(ApplicationEvents events) {
		// stream(Object.class) unwraps the events published as plain objects (PayloadApplicationEvent).
		return events.stream(Object.class)
			.filter((event) -> event.getClass().getPackageName().equals(OrderCompletedEvent.class.getPackageName()))
			.toList();
	}

	/**
	 * Forget what was seen, before a test.
	 */
	public void clear() {
		this.committed.clear();
		this.ordersVisibleBeforeCommit.clear();
		this.failNextOrder.set(false);
	}

	/**
	 * Make the next {@link OrderCompletedEvent} fail where it is published, after the checkout wrote the order.
	 */
	public void failNextOrderCompleted() {
		this.failNextOrder.set(true);
	}

	/**
	 * The events of a type whose transaction committed, in order.
	 * @param <T> the type
	 * @param type the type
	 * @return the events
	 */
	public <T> List<T> of(Class<T> type) {
		return this.committed.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Every event whose transaction committed.
	 * @return the events
	 */
	public List<Object> all() {
		return List.copyOf(this.committed);
	}

	/**
	 * Orders whose row the publishing transaction could read when it was about to commit.
	 * @return order ids
	 */
	public List<Long> ordersVisibleBeforeCommit() {
		return List.copyOf(this.ordersVisibleBeforeCommit);
	}

}
