package dev.influence4j.sample.order;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.influence4j.events.OrderUpdatedEvent;

/**
 * Changes orders' payment status: paid, refunded, cancelled. Each change publishes an
 * {@link OrderUpdatedEvent} with the order's full current state inside the transaction that made it.
 */
@Service
public class Orders {

	private final OrderRepository orders;

	private final ApplicationEventPublisher events;

	Orders(OrderRepository orders, ApplicationEventPublisher events) {
		this.orders = orders;
		this.events = events;
	}

	/**
	 * Change an order's status.
	 * @param orderId the order
	 * @param target the new status
	 * @return the order as saved
	 * @throws StatusChangeRefusedException when there is no such order, or it cannot change to the status
	 * (only pending to paid or cancelled, and paid to refunded, are allowed)
	 */
	@Transactional
	public Order changeStatus(long orderId, OrderStatus target) {
		Order order = this.orders.findById(orderId)
			.orElseThrow(() -> new StatusChangeRefusedException("There is no order " + orderId + "."));
		if (!order.status().next().contains(target)) {
			throw new StatusChangeRefusedException("Order " + orderId + " is " + name(order.status())
					+ " and cannot become " + name(target) + ".");
		}
		if (!this.orders.updateStatus(orderId, order.status(), target, Instant.now())) {
			throw new StatusChangeRefusedException("Order " + orderId + " was changed meanwhile; please try again.");
		}
		Order saved = this.orders.findById(orderId).orElseThrow();
		this.events.publishEvent(new OrderUpdatedEvent(saved.toInfluence()));
		return saved;
	}

	private static String name(OrderStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

}
