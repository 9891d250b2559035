package dev.influence4j.sample.importing;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.sample.order.Order;
import dev.influence4j.sample.order.OrderRepository;

/**
 * The store's orders with their lines, imported as the same order records the store sends when an order is
 * placed or changes ({@link Order#toInfluence()}). Influence.io applies its earn rules to them; the import page
 * asks for them explicitly.
 */
@Component
final class OrderImport implements BackfillSource<Order, InfluenceOrder> {

	private final OrderRepository orders;

	OrderImport(OrderRepository orders) {
		this.orders = orders;
	}

	@Override
	public BackfillKind<InfluenceOrder> kind() {
		return BackfillKind.ORDERS;
	}

	@Override
	public BackfillPage<Order> page(@Nullable String after, int size) {
		return Keyset.page(this.orders.findPage(Keyset.after(after), size), size, Order::id);
	}

	@Override
	public String id(Order row) {
		return Long.toString(row.id());
	}

	@Override
	public InfluenceOrder map(Order row) {
		return row.toInfluence();
	}

	@Override
	public OptionalLong count() {
		// All orders, also when only those since a date are sent: the import reads every one to choose.
		return OptionalLong.of(this.orders.count());
	}

}
