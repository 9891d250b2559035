package dev.influence4j.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.influence4j.Require;
import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.PlatformClient;

/**
 * The handlers that send the storefront's entries to the Platform API.
 * <ul>
 * <li>{@code order.completed}: create on the first attempt; after any earlier attempt (whose outcome may be
 * unknown, a crash or a requeued dead letter included) update, creating only when Influence.io does not have
 * the order. Waits for
 * the order's products and customer when their entries are older and still unsent.</li>
 * <li>{@code order.updated}: update with the full state, creating when missing.</li>
 * <li>{@code product.saved}, {@code product.deleted}, {@code customer.saved}: upsert or delete.</li>
 * <li>{@code reward.used}: mark the code used.</li>
 * </ul>
 */
public final class PlatformDeliveryHandlers {

	private PlatformDeliveryHandlers() {
	}

	/**
	 * The handlers for every kind in {@link EntryKinds}.
	 * @param client the Platform client
	 * @return the handlers
	 */
	public static List<DeliveryHandler> create(PlatformClient client) {
		Require.present(client, "platform client");
		List<DeliveryHandler> handlers = new ArrayList<>();
		handlers.add(new Handler(EntryKinds.ORDER_COMPLETED, true, (entry) -> {
			InfluenceOrder order = EntryPayloads.read(entry, InfluenceOrder.class);
			if (untouched(entry)) {
				client.orders().create(order);
			}
			else {
				client.orders().upsert(order);
			}
		}, PlatformDeliveryHandlers::orderDependencies));
		handlers.add(new Handler(EntryKinds.ORDER_UPDATED, true,
				(entry) -> client.orders().upsert(EntryPayloads.read(entry, InfluenceOrder.class)),
				PlatformDeliveryHandlers::orderDependencies));
		handlers.add(new Handler(EntryKinds.PRODUCT_SAVED, true,
				(entry) -> client.products().upsert(EntryPayloads.read(entry, InfluenceProduct.class)), null));
		handlers.add(new Handler(EntryKinds.PRODUCT_DELETED, true,
				(entry) -> client.products().delete(EntryPayloads.read(entry, ProductDeletedEvent.class).productId()),
				null));
		handlers.add(new Handler(EntryKinds.CUSTOMER_SAVED, true,
				(entry) -> client.customers().upsert(EntryPayloads.read(entry, InfluenceCustomer.class)), null));
		handlers.add(new Handler(EntryKinds.REWARD_USED, false, (entry) -> {
			@SuppressWarnings("unchecked")
			Map<String, String> payload = EntryPayloads.read(entry, Map.class);
			client.rewards().markUsed(Require.text(payload.get("couponCode"), "coupon code"));
		}, null));
		return List.copyOf(handlers);
	}

	/**
	 * Whether nothing was ever tried with this entry: no attempt, not even one a requeue reset (the error it
	 * left stays). Only then is a create safe; otherwise an earlier create may have succeeded unseen.
	 */
	private static boolean untouched(OutboxEntry entry) {
		return entry.attempts() == 0 && entry.lastError() == null;
	}

	private static Collection<String> orderDependencies(OutboxEntry entry) {
		InfluenceOrder order = EntryPayloads.read(entry, InfluenceOrder.class);
		Set<String> keys = new LinkedHashSet<>();
		for (InfluenceOrderLine line : order.lineItems()) {
			keys.add(EntryKinds.productKey(line.productId()));
		}
		if (order.customerId() != null) {
			keys.add(EntryKinds.customerKey(order.customerId()));
		}
		return keys;
	}

	/**
	 * What a handler does with an entry.
	 */
	@FunctionalInterface
	private interface Delivery {

		void deliver(OutboxEntry entry) throws Exception;

	}

	private record Handler(String kind, boolean fullState, Delivery delivery,
			@org.jspecify.annotations.Nullable Function<OutboxEntry, Collection<String>> dependencyKeys)
			implements DeliveryHandler {

		@Override
		public void deliver(OutboxEntry entry) throws Exception {
			this.delivery.deliver(entry);
		}

		@Override
		public Collection<String> dependencies(OutboxEntry entry) {
			return (this.dependencyKeys != null) ? this.dependencyKeys.apply(entry) : List.of();
		}

	}

}
