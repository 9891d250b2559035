package dev.influence4j.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code order.completed}: an order was placed. The first attempt creates it; every later one (after an attempt
 * whose outcome may be unknown, a crash or a requeued dead letter included) updates it, creating it only when
 * Influence.io does not have it, so an order is never created twice. It waits for older entries of its products
 * and customer. The reward codes the order used are marked used, each as a {@code reward.used} entry.
 */
final class OrderCompletedKind implements StorefrontKind<OrderCompletedEvent, InfluenceOrder> {

	private final PlatformClient client;

	OrderCompletedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "order.completed";
	}

	@Override
	public Class<InfluenceOrder> payloadType() {
		return InfluenceOrder.class;
	}

	@Override
	public Class<OrderCompletedEvent> eventType() {
		return OrderCompletedEvent.class;
	}

	@Override
	public String group() {
		return "orders";
	}

	@Override
	public InfluenceOrder payload(OrderCompletedEvent event) {
		return event.order();
	}

	@Override
	public List<NewOutboxEntry> entries(OrderCompletedEvent event) {
		List<NewOutboxEntry> entries = new ArrayList<>();
		entries.add(entry(event.order()));
		event.rewardCodesUsed().forEach((code) -> entries.add(RewardUsedKind.entryFor(code)));
		return entries;
	}

	@Override
	public String entityKey(InfluenceOrder order) {
		return EntityKeys.order(order.orderId());
	}

	@Override
	public Collection<String> dependsOn(InfluenceOrder order) {
		return OrderUpdatedKind.dependencies(order);
	}

	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(InfluenceOrder order, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> {
			if (attempt.untouched()) {
				this.client.orders().create(order);
			}
			else {
				this.client.orders().upsert(order);
			}
		});
	}

}
