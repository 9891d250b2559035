package dev.influence4j.delivery;

import java.util.List;

/**
 * A kind of entry the storefront causes by publishing an event (an order placed, a product saved): it maps the
 * event to the entries to append in the publishing transaction.
 *
 * @param <E> the event
 * @param <P> the payload record
 */
public interface StorefrontKind<E, P> extends EntryKind<P> {

	/**
	 * The event this kind turns into entries.
	 * @return the event type
	 */
	Class<E> eventType();

	/**
	 * The group of storefront data the kind belongs to ({@code orders}, {@code products}, {@code customers},
	 * {@code collections}), which an application can switch off as a whole.
	 * @return the group
	 */
	String group();

	/**
	 * The entries for one event: usually one, of this kind (an order placed also marks its reward codes used).
	 * @param event the event
	 * @return the entries to append
	 */
	default List<NewOutboxEntry> entries(E event) {
		return List.of(entry(payload(event)));
	}

	/**
	 * The payload for one event.
	 * @param event the event
	 * @return the payload
	 */
	P payload(E event);

}
