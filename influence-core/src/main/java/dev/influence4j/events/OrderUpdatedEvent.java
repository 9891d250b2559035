package dev.influence4j.events;

import dev.influence4j.Require;
import dev.influence4j.platform.InfluenceOrder;

/**
 * An order changed after it was placed: paid, refunded (in full or in part), cancelled. It always carries
 * the order's full current state, never a difference; Influence.io awards points when the status becomes
 * an earning one and deducts them when it becomes {@code REFUNDED}, each at most once per order.
 *
 * @param order the order's full current state
 */
public record OrderUpdatedEvent(InfluenceOrder order) {

	public OrderUpdatedEvent {
		Require.present(order, "order");
	}

}
