package dev.influence4j.backfill;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.influence4j.events.CollectionSavedEvent;
import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceProduct;

/**
 * What can be imported, in the order a backfill of several kinds runs them: customers first (Influence.io must
 * know them), then products and collections, then orders (opt-in: Influence.io applies its earn rules to the
 * orders it receives).
 *
 * @param <T> what a source's rows are mapped to
 */
public final class BackfillKind<T> {

	/** Customers, as {@link CustomerSavedEvent}. */
	public static final BackfillKind<InfluenceCustomer> CUSTOMERS = new BackfillKind<>("customers",
			CustomerSavedEvent.class, CustomerSavedEvent::new);

	/** Products, as {@link ProductSavedEvent}. */
	public static final BackfillKind<InfluenceProduct> PRODUCTS = new BackfillKind<>("products",
			ProductSavedEvent.class, ProductSavedEvent::new);

	/** Collections with their products, as {@link CollectionSavedEvent}. */
	public static final BackfillKind<CollectionSavedEvent> COLLECTIONS = new BackfillKind<>("collections",
			CollectionSavedEvent.class, (collection) -> collection);

	/** Orders, as {@link OrderCompletedEvent}: Influence.io awards points for them. */
	public static final BackfillKind<InfluenceOrder> ORDERS = new BackfillKind<>("orders", OrderCompletedEvent.class,
			OrderCompletedEvent::of);

	private static final List<BackfillKind<?>> ALL = List.of(CUSTOMERS, PRODUCTS, COLLECTIONS, ORDERS);

	private final String name;

	private final Class<?> eventType;

	private final Function<T, Object> event;

	private BackfillKind(String name, Class<?> eventType, Function<T, Object> event) {
		this.name = name;
		this.eventType = eventType;
		this.event = event;
	}

	/**
	 * Every kind, in the order a backfill runs them.
	 * @return the kinds
	 */
	public static List<BackfillKind<?>> all() {
		return ALL;
	}

	/**
	 * The kind of a name.
	 * @param name {@code customers}, {@code products}, {@code collections} or {@code orders}
	 * @return the kind, or empty
	 */
	public static Optional<BackfillKind<?>> named(String name) {
		return ALL.stream().filter((kind) -> kind.name.equals(name)).findFirst();
	}

	/**
	 * The kind's name, as stored and as the endpoint takes it.
	 * @return for example {@code customers}
	 */
	public String name() {
		return this.name;
	}

	/** The storefront event a row is written as: its outbox entry kind is the one of each row. */
	Class<?> eventType() {
		return this.eventType;
	}

	Object event(T item) {
		return this.event.apply(item);
	}

	int order() {
		return ALL.indexOf(this);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
