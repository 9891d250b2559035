package dev.influence4j.delivery;

/**
 * Which due entries are claimed first: every due live entry before any due backfill entry, so that an order
 * placed during an import is sent within seconds. Order per entity holds whatever the priority.
 */
public enum EntryPriority {

	/** What the storefront publishes as it happens, and webhooks. */
	LIVE,

	/** What an import of existing data writes. */
	BACKFILL;

	/**
	 * The value stored in the {@code priority} column: lower is claimed first.
	 * @return the stored value
	 */
	int stored() {
		return ordinal();
	}

	static EntryPriority ofStored(int stored) {
		return values()[stored];
	}

}
