package dev.influence4j.sync;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.OrderUpdatedEvent;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code order.updated}: an order's new full state (paid, refunded, cancelled), sent as an update that creates the
 * order when Influence.io does not have it. Like a placed order, it waits for its products and customer.
 */
final class OrderUpdatedKind implements StorefrontKind<OrderUpdatedEvent, InfluenceOrder> {

	private final PlatformClient client;

	OrderUpdatedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "order.updated";
	}

	@Override
	public Class<InfluenceOrder> payloadType() {
		return InfluenceOrder.class;
	}

	@Override
	public Class<OrderUpdatedEvent> eventType() {
		return OrderUpdatedEvent.class;
	}

	@Override
	public String group() {
		return "orders";
	}

	@Override
	public InfluenceOrder payload(OrderUpdatedEvent event) {
		return event.order();
	}

	@Override
	public String entityKey(InfluenceOrder order) {
		return EntityKeys.order(order.orderId());
	}

	@Override
	public Collection<String> dependsOn(InfluenceOrder order) {
		return dependencies(order);
	}

	/**
	 * What an order, placed or updated, waits for: its products and its customer.
	 */
	static Collection<String> dependencies(InfluenceOrder order) {
		Set<String> keys = new LinkedHashSet<>();
		for (InfluenceOrderLine line : order.lineItems()) {
			keys.add(EntityKeys.product(line.productId()));
		}
		if (order.customerId() != null) {
			keys.add(EntityKeys.customer(order.customerId()));
		}
		return keys;
	}

	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(InfluenceOrder order, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> this.client.orders().upsert(order));
	}

}
