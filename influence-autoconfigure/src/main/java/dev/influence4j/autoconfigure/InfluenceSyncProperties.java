package dev.influence4j.autoconfigure;

/**
 * Which storefront events are sent to Influence.io, under {@code influence.sync}.
 */
public class InfluenceSyncProperties {

	private final Feature orders = new Feature();

	private final Feature products = new Feature();

	private final Feature customers = new Feature();

	private final Feature collections = new Feature();

	public Feature getOrders() {
		return this.orders;
	}

	public Feature getProducts() {
		return this.products;
	}

	public Feature getCustomers() {
		return this.customers;
	}

	public Feature getCollections() {
		return this.collections;
	}

	/**
	 * Whether the storefront events of a group are sent.
	 * @param group the group a kind belongs to ({@code orders}, {@code products}, ...)
	 * @return whether it is enabled; groups of the application's own kinds always are
	 */
	public boolean isEnabled(String group) {
		return switch (group) {
			case "orders" -> this.orders.isEnabled();
			case "products" -> this.products.isEnabled();
			case "customers" -> this.customers.isEnabled();
			case "collections" -> this.collections.isEnabled();
			default -> true;
		};
	}

	/**
	 * One kind of storefront event.
	 */
	public static class Feature {

		/**
		 * Whether to send these events to Influence.io.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
